package org.tipline.audit.checkpoint;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.HexFormat;

/**
 * A signed tree head: the log had {@code treeSize} entries with this root hash at {@code issuedAt}. The
 * signature is Ed25519 over {@link #signedMessage}, so anyone with the public key can check it without Tipline.
 */
public record Checkpoint(long treeSize, byte[] rootHash, Instant issuedAt, String keyId, byte[] signature) {

	/** First line of every signed message: names the format, so a signature cannot be replayed elsewhere. */
	public static final String FORMAT = "tipline-audit-checkpoint/v1";

	/**
	 * The bytes signed: four lines, each ending in a line feed, UTF-8: the format name, the tree size in
	 * decimal, the root hash in lowercase hex, and the time in ISO-8601 UTC ({@link Instant#toString}).
	 */
	public static byte[] signedMessage(long treeSize, byte[] rootHash, Instant issuedAt) {
		return (FORMAT + "\n" + treeSize + "\n" + HexFormat.of().formatHex(rootHash) + "\n" + issuedAt + "\n")
			.getBytes(StandardCharsets.UTF_8);
	}

	public boolean verify(PublicKey publicKey) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(publicKey);
			ed25519.update(signedMessage(treeSize, rootHash, issuedAt));
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException ex) {
			return false;
		}
	}
}
