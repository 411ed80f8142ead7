package org.tipline.audit.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The right edge of a growing tree: one hash per complete subtree, largest first, as many as the tree size has
 * bits set. Appending a leaf merges equal subtrees; the head of the tree folds them right to left. This is how
 * a verifier recomputes every tree head of a log in one pass, from the first leaf or from a frontier the
 * service exported.
 */
public final class CompactRange {

	private final List<byte[]> subtrees;

	private long size;

	private CompactRange(long size, List<byte[]> subtrees) {
		if (Long.bitCount(size) != subtrees.size()) {
			throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
					+ " complete subtrees, not " + subtrees.size());
		}
		this.size = size;
		this.subtrees = new ArrayList<>(subtrees);
	}

	public static CompactRange empty() {
		return new CompactRange(0, List.of());
	}

	/** Starts from the frontier of a tree of {@code size} leaves, as {@link MerkleTree#frontier} gives it. */
	public static CompactRange of(long size, List<byte[]> frontier) {
		return new CompactRange(size, frontier);
	}

	public long size() {
		return size;
	}

	public void append(byte[] leafHash) {
		byte[] merged = leafHash;
		long carry = size;
		while ((carry & 1) == 1) {
			merged = Merkle.nodeHash(subtrees.remove(subtrees.size() - 1), merged);
			carry >>= 1;
		}
		subtrees.add(merged);
		size++;
	}

	public byte[] rootHash() {
		if (subtrees.isEmpty()) {
			return Merkle.emptyRoot();
		}
		byte[] root = subtrees.get(subtrees.size() - 1);
		for (int i = subtrees.size() - 2; i >= 0; i--) {
			root = Merkle.nodeHash(subtrees.get(i), root);
		}
		return root;
	}
}
