package org.tipline.audit.merkle;

import java.util.Arrays;

/**
 * Leaf hashes held in one flat array that only grows: 32 bytes per entry, so a million entries take 32 MB and
 * proofs never go back to the database for a hash.
 */
public final class GrowingLeafHashes implements LeafHashes {

	private byte[] hashes = new byte[Merkle.HASH_LENGTH * 1024];

	private long size;

	@Override
	public synchronized long size() {
		return size;
	}

	@Override
	public synchronized byte[] leafHash(long index) {
		if (index < 0 || index >= size) {
			throw new IndexOutOfBoundsException("no leaf " + index + " in a log of " + size);
		}
		int from = Math.toIntExact(index * Merkle.HASH_LENGTH);
		return Arrays.copyOfRange(hashes, from, from + Merkle.HASH_LENGTH);
	}

	/** Appends the hash of leaf {@code index}, which must be the next one: the log has no gaps. */
	public synchronized void append(long index, byte[] leafHash) {
		if (index != size) {
			throw new IllegalArgumentException("leaf " + index + " appended to a log of " + size + " leaves");
		}
		if (leafHash.length != Merkle.HASH_LENGTH) {
			throw new IllegalArgumentException("a leaf hash has 32 bytes, not " + leafHash.length);
		}
		int from = Math.toIntExact(size * Merkle.HASH_LENGTH);
		if (from + Merkle.HASH_LENGTH > hashes.length) {
			hashes = Arrays.copyOf(hashes, hashes.length * 2);
		}
		System.arraycopy(leafHash, 0, hashes, from, Merkle.HASH_LENGTH);
		size++;
	}
}
