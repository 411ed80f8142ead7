package org.tipline.audit.verify;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.checkpoint.SigningKey;
import org.tipline.audit.export.ExportLines;
import org.tipline.audit.ledger.Hop;
import org.tipline.audit.ledger.HopEntry;
import org.tipline.audit.merkle.GrowingLeafHashes;
import org.tipline.audit.merkle.Merkle;
import org.tipline.audit.merkle.MerkleTree;

/** An export written the way the service writes one, from entries built here, for the verifier's tests. */
final class SignedExport {

	final SigningKey key = SigningKey.generate();

	final GrowingLeafHashes leaves = new GrowingLeafHashes();

	final MerkleTree tree = new MerkleTree(leaves);

	final List<byte[]> entries = new ArrayList<>();

	SignedExport(int size) {
		Instant at = Instant.parse("2030-03-01T00:00:00Z");
		for (int seq = 0; seq < size; seq++) {
			HopEntry entry = new HopEntry(UUID.nameUUIDFromBytes(("tip" + seq / 3).getBytes(StandardCharsets.UTF_8)),
					Hop.values()[seq % Hop.values().length], "dispatch-service", at.plusSeconds(seq), "OUTCOME-" + seq,
					Map.of("state", "OH", "attempt", seq, "minor", seq % 2 == 0, "note", "quote \" and \u00e9"),
					new HopEntry.EventReference("/tipline/dispatch", "event-" + seq, "org.tipline.tip.decided.v1",
							"ab".repeat(32)));
			byte[] canonical = entry.canonicalBytes(seq);
			entries.add(canonical);
			leaves.append(seq, Merkle.leafHash(canonical));
		}
	}

	/** The export from {@code from}, with a checkpoint after every {@code every} entries and one at the end. */
	String lines(long from, int every) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (from > 0) {
			out.writeBytes(ExportLines.frontier(from, tree.frontier(from)));
		}
		Long previous = null;
		for (int seq = (int) from; seq < entries.size(); seq++) {
			out.writeBytes(ExportLines.entry(entries.get(seq), leaves.leafHash(seq)));
			long size = seq + 1;
			if (size % every == 0 || size == entries.size()) {
				List<byte[]> proof = (previous == null) ? List.of() : tree.consistencyProof(previous, size);
				out.writeBytes(ExportLines.checkpoint(checkpoint(size), previous, proof));
				previous = size;
			}
		}
		return out.toString(StandardCharsets.UTF_8);
	}

	Checkpoint checkpoint(long size) {
		byte[] root = tree.rootHash(size);
		Instant issuedAt = Instant.parse("2030-03-02T00:00:00Z").plusSeconds(size);
		return new Checkpoint(size, root, issuedAt, key.keyId(), key.sign(Checkpoint.signedMessage(size, root, issuedAt)));
	}
}
