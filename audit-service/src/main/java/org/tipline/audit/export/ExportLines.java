package org.tipline.audit.export;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.ledger.CanonicalJson;

/**
 * The lines of an export (JSON Lines, each ending in a line feed). An entry line carries the entry's canonical
 * bytes verbatim; the other lines are canonical JSON too, so an export is byte-for-byte reproducible.
 */
public final class ExportLines {

	private ExportLines() {
	}

	/** {@code {"entry":<canonical entry>,"leafHash":"<hex>","type":"entry"}} */
	public static byte[] entry(byte[] canonicalEntry, byte[] leafHash) {
		ByteArrayOutputStream line = new ByteArrayOutputStream(canonicalEntry.length + 120);
		line.writeBytes("{\"entry\":".getBytes(StandardCharsets.UTF_8));
		line.writeBytes(canonicalEntry);
		line.writeBytes((",\"leafHash\":\"" + HexFormat.of().formatHex(leafHash) + "\",\"type\":\"entry\"}\n")
			.getBytes(StandardCharsets.UTF_8));
		return line.toByteArray();
	}

	/**
	 * A signed checkpoint, right after the entry that completes its tree; {@code consistencyProof} shows it extends
	 * the checkpoint of size {@code previousSize} before it in the export (none for the first).
	 */
	public static byte[] checkpoint(Checkpoint checkpoint, Long previousSize, List<byte[]> consistencyProof) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("type", "checkpoint");
		line.put("treeSize", checkpoint.treeSize());
		line.put("rootHash", HexFormat.of().formatHex(checkpoint.rootHash()));
		line.put("issuedAt", checkpoint.issuedAt().toString());
		line.put("keyId", checkpoint.keyId());
		line.put("signature", Base64.getEncoder().encodeToString(checkpoint.signature()));
		if (previousSize != null) {
			line.put("consistency", Map.of("fromTreeSize", previousSize, "proof", hex(consistencyProof)));
		}
		return withNewline(CanonicalJson.encode(line));
	}

	/** First line of an export that starts at entry {@code treeSize}: the complete subtrees before it. */
	public static byte[] frontier(long treeSize, List<byte[]> hashes) {
		return withNewline(CanonicalJson.encode(Map.of("type", "frontier", "treeSize", treeSize, "hashes", hex(hashes))));
	}

	private static List<String> hex(List<byte[]> hashes) {
		return hashes.stream().map(HexFormat.of()::formatHex).toList();
	}

	private static byte[] withNewline(byte[] json) {
		byte[] line = new byte[json.length + 1];
		System.arraycopy(json, 0, line, 0, json.length);
		line[json.length] = '\n';
		return line;
	}
}
