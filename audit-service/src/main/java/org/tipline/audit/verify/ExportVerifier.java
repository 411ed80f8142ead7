package org.tipline.audit.verify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.checkpoint.SigningKey;
import org.tipline.audit.ledger.CanonicalJson;
import org.tipline.audit.merkle.CompactRange;
import org.tipline.audit.merkle.Merkle;
import org.tipline.audit.merkle.MerkleProofs;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an export against nothing but the public keys: recomputes every leaf hash from the entry's canonical
 * bytes and every tree head from the leaves, and requires each checkpoint's signature, root and consistency
 * proof to hold and every entry to be covered by a checkpoint. Stops at the first thing that does not hold.
 */
public final class ExportVerifier {

	private static final Set<String> ENTRY_MEMBERS = Set.of("type", "entry", "leafHash");

	private static final Set<String> FRONTIER_MEMBERS = Set.of("type", "treeSize", "hashes");

	/** All of them but {@code consistency}, which the first checkpoint of an export has not. */
	private static final Set<String> CHECKPOINT_MEMBERS = Set.of("type", "treeSize", "rootHash", "issuedAt", "keyId",
			"signature", "consistency");

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final List<PublicKey> publicKeys;

	private final long requiredTreeSize;

	private final JsonMapper json = JsonMapper.builder().build();

	/**
	 * @param requiredTreeSize the export must be signed up to at least this size (0: any), what catches an
	 * export cut off right after one of its checkpoints
	 */
	public ExportVerifier(List<PublicKey> publicKeys, long requiredTreeSize) {
		this.publicKeys = List.copyOf(publicKeys);
		this.requiredTreeSize = requiredTreeSize;
	}

	/** The outcome: {@code problem} is null when everything holds. */
	public record Verdict(String problem, long entries, long firstSeq, long checkpoints, long treeSize,
			String rootHash) {

		public boolean holds() {
			return problem == null;
		}
	}

	public Verdict verify(BufferedReader export) {
		Run run = new Run();
		try {
			String line;
			int lineNumber = 0;
			while ((line = export.readLine()) != null) {
				lineNumber++;
				String problem;
				try {
					problem = run.accept(lineNumber, line);
				}
				catch (RuntimeException malformed) {
					problem = "entry " + run.range.size() + " (line " + lineNumber + "): a malformed line: "
							+ malformed.getMessage();
				}
				if (problem != null) {
					return run.verdict(problem);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return run.verdict(run.finish());
	}

	private final class Run {

		private CompactRange range = CompactRange.empty();

		private long firstSeq;

		private long entries;

		private long checkpoints;

		private long signedSize;

		private byte[] signedRoot;

		private boolean started;

		String accept(int lineNumber, String line) {
			long seq = range.size();
			Map<String, Object> fields;
			try {
				fields = json.readValue(line, OBJECT);
			}
			catch (JacksonException ex) {
				return "entry " + seq + " (line " + lineNumber + "): the line is not a JSON object";
			}
			boolean first = !started;
			started = true;
			Object type = fields.get("type");
			Set<String> members = fields.keySet();
			if ("frontier".equals(type) && first && members.equals(FRONTIER_MEMBERS)) {
				return frontier(fields);
			}
			if ("entry".equals(type) && members.equals(ENTRY_MEMBERS)) {
				return entry(seq, fields);
			}
			if ("checkpoint".equals(type) && CHECKPOINT_MEMBERS.containsAll(members)
					&& members.size() >= CHECKPOINT_MEMBERS.size() - 1) {
				return checkpoint(fields);
			}
			return "entry " + seq + " (line " + lineNumber + "): not a line of an export: type " + type
					+ " with members " + members;
		}

		private String frontier(Map<String, Object> fields) {
			try {
				long size = number(fields.get("treeSize"));
				range = CompactRange.of(size, hashes(fields.get("hashes")));
				firstSeq = size;
				signedSize = size;
				return null;
			}
			catch (RuntimeException ex) {
				return "the frontier line is malformed: " + ex.getMessage();
			}
		}

		private String entry(long seq, Map<String, Object> fields) {
			if (!(fields.get("entry") instanceof Map<?, ?> entry)) {
				return "entry " + seq + ": the line holds no entry";
			}
			Object found = entry.get("seq");
			if (!(found instanceof Number number) || number.longValue() != seq) {
				return "entry " + seq + ": found seq " + found + " where entry " + seq
						+ " belongs; an entry is missing, repeated or out of order";
			}
			byte[] leafHash;
			try {
				leafHash = Merkle.leafHash(CanonicalJson.encode(entry));
			}
			catch (IllegalArgumentException ex) {
				return "entry " + seq + ": " + ex.getMessage();
			}
			if (!HexFormat.of().formatHex(leafHash).equals(fields.get("leafHash"))) {
				return "entry " + seq + ": its content does not match its leaf hash";
			}
			range.append(leafHash);
			entries++;
			return null;
		}

		private String checkpoint(Map<String, Object> fields) {
			Checkpoint checkpoint;
			try {
				checkpoint = new Checkpoint(number(fields.get("treeSize")),
						HexFormat.of().parseHex((String) fields.get("rootHash")),
						Instant.parse((String) fields.get("issuedAt")), (String) fields.get("keyId"),
						Base64.getDecoder().decode((String) fields.get("signature")));
			}
			catch (RuntimeException ex) {
				return "entry " + range.size() + ": the checkpoint line after it is malformed";
			}
			long size = checkpoint.treeSize();
			if (size != range.size()) {
				return "checkpoint of size " + size + " follows entry " + (range.size() - 1)
						+ ": entries are missing or were added before it";
			}
			PublicKey key = publicKeys.stream()
				.filter((candidate) -> SigningKey.keyIdOf(candidate).equals(checkpoint.keyId()))
				.findFirst()
				.orElse(null);
			if (key == null) {
				return "checkpoint of size " + size + ": signed by key " + checkpoint.keyId()
						+ ", which is not among the public keys given";
			}
			if (!checkpoint.verify(key)) {
				return "checkpoint of size " + size + ": the signature does not verify";
			}
			if (!MessageDigest.isEqual(checkpoint.rootHash(), range.rootHash())) {
				return "entry " + signedSize + " or one after it up to entry " + (size - 1)
						+ " does not match: the entries do not produce the root signed at size " + size;
			}
			if (signedRoot != null && !(fields.get("consistency") instanceof Map)) {
				return "checkpoint of size " + size + ": it has no consistency proof from size " + signedSize;
			}
			if (fields.get("consistency") instanceof Map<?, ?> consistency) {
				if (signedRoot == null) {
					return "checkpoint of size " + size + ": a consistency proof from no earlier checkpoint";
				}
				long fromSize = number(consistency.get("fromTreeSize"));
				if (fromSize != signedSize || !MerkleProofs.verifyConsistency(signedSize, size, signedRoot,
						checkpoint.rootHash(), hashes(consistency.get("proof")))) {
					return "checkpoint of size " + size + ": its consistency proof from size " + signedSize
							+ " does not hold";
				}
			}
			signedSize = size;
			signedRoot = checkpoint.rootHash();
			checkpoints++;
			return null;
		}

		String finish() {
			if (range.size() > signedSize) {
				return "entry " + signedSize + " and the " + (range.size() - signedSize - 1)
						+ " after it are covered by no checkpoint: the export was cut short or added to";
			}
			if (signedSize < requiredTreeSize) {
				return "entry " + signedSize + ": the export ends at " + signedSize + " entries, not the "
						+ requiredTreeSize + " required";
			}
			return null;
		}

		Verdict verdict(String problem) {
			return new Verdict(problem, entries, firstSeq, checkpoints, signedSize,
					(signedRoot == null) ? null : HexFormat.of().formatHex(signedRoot));
		}
	}

	private static long number(Object value) {
		if (value instanceof Number number) {
			return number.longValue();
		}
		throw new IllegalArgumentException("not a number: " + value);
	}

	private static List<byte[]> hashes(Object value) {
		List<byte[]> hashes = new ArrayList<>();
		for (Object hash : (List<?>) value) {
			hashes.add(HexFormat.of().parseHex((String) hash));
		}
		return hashes;
	}
}
