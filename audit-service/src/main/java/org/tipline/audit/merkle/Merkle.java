package org.tipline.audit.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hashes of an RFC 9162 Merkle tree over SHA-256: a leaf is {@code SHA-256(0x00 || entry)}, an inner node
 * {@code SHA-256(0x01 || left || right)}, so a leaf can never be passed off as a node or the other way round.
 */
public final class Merkle {

	public static final int HASH_LENGTH = 32;

	private static final byte LEAF_PREFIX = 0x00;

	private static final byte NODE_PREFIX = 0x01;

	private Merkle() {
	}

	public static byte[] leafHash(byte[] entry) {
		MessageDigest sha256 = sha256();
		sha256.update(LEAF_PREFIX);
		return sha256.digest(entry);
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update(NODE_PREFIX);
		sha256.update(left);
		return sha256.digest(right);
	}

	/** The root of the empty tree: SHA-256 of no bytes. */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	/** The largest power of two smaller than {@code n} (n > 1): where RFC 9162 splits a range of n leaves. */
	static long split(long n) {
		return Long.highestOneBit(n - 1);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}
