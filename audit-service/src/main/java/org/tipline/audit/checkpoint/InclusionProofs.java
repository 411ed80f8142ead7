package org.tipline.audit.checkpoint;

import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.springframework.stereotype.Component;
import org.tipline.audit.ledger.LogTree;

/** Proofs that an entry is in the log that a signed checkpoint describes. */
@Component
public class InclusionProofs {

	private final LogTree tree;

	private final CheckpointIssuer issuer;

	private final CheckpointLog checkpoints;

	InclusionProofs(LogTree tree, CheckpointIssuer issuer, CheckpointLog checkpoints) {
		this.tree = tree;
		this.checkpoints = checkpoints;
		this.issuer = issuer;
	}

	/** A checkpoint as JSON shows it: hashes in hex, the signature in base64. */
	public record SignedCheckpoint(long treeSize, String rootHash, Instant issuedAt, String keyId, String signature) {

		static SignedCheckpoint of(Checkpoint checkpoint) {
			return new SignedCheckpoint(checkpoint.treeSize(), HexFormat.of().formatHex(checkpoint.rootHash()),
					checkpoint.issuedAt(), checkpoint.keyId(),
					Base64.getEncoder().encodeToString(checkpoint.signature()));
		}
	}

	/** PATH(leafIndex, D[treeSize]) and the checkpoint of that size whose root it leads to. */
	public record InclusionProof(long leafIndex, String leafHash, List<String> auditPath, SignedCheckpoint checkpoint) {
	}

	/**
	 * The inclusion proof of entry {@code seq} in the checkpoint of {@code treeSize}, or (null) in the latest
	 * checkpoint, signing a new one first if the latest does not cover the entry yet.
	 */
	public InclusionProof of(long seq, Long treeSize) {
		Checkpoint checkpoint = (treeSize == null) ? issuer.covering(seq + 1)
				: checkpoints.ofSize(treeSize)
					.orElseThrow(() -> new IllegalArgumentException("no checkpoint of size " + treeSize));
		if (seq >= checkpoint.treeSize()) {
			throw new IllegalArgumentException("entry " + seq + " is not in the tree of size " + treeSize);
		}
		List<String> path = tree.inclusionProof(seq, checkpoint.treeSize())
			.stream()
			.map(HexFormat.of()::formatHex)
			.toList();
		return new InclusionProof(seq, HexFormat.of().formatHex(tree.leafHash(seq)), path,
				SignedCheckpoint.of(checkpoint));
	}
}
