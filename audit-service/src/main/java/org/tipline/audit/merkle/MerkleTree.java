package org.tipline.audit.merkle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tree heads and proofs of a log as RFC 9162 section 2.1 defines them (MTH, PATH and PROOF), for any tree size
 * up to the log's. The hash of a complete subtree of at least {@value #CACHED_SUBTREE} leaves never changes once
 * its leaves exist, so it is kept: a head or a proof then costs a few hundred hashes, not one per entry.
 */
public final class MerkleTree {

	private static final long CACHED_SUBTREE = 256;

	private final LeafHashes leaves;

	private final Map<Long, byte[]> completeSubtrees = new ConcurrentHashMap<>();

	public MerkleTree(LeafHashes leaves) {
		this.leaves = leaves;
	}

	/** MTH of the first {@code treeSize} leaves. */
	public byte[] rootHash(long treeSize) {
		requireSize(treeSize);
		return (treeSize == 0) ? Merkle.emptyRoot() : subtreeHash(0, treeSize);
	}

	/** PATH(index, D[treeSize]): the audit path of one leaf, leaf side first. */
	public List<byte[]> inclusionProof(long index, long treeSize) {
		requireSize(treeSize);
		if (index < 0 || index >= treeSize) {
			throw new IllegalArgumentException("leaf " + index + " is not in a tree of size " + treeSize);
		}
		List<byte[]> path = new ArrayList<>();
		path(index, 0, treeSize, path);
		return path;
	}

	/** PROOF(first, D[second]): shows the tree of size {@code second} extends the one of size {@code first}. */
	public List<byte[]> consistencyProof(long first, long second) {
		requireSize(second);
		if (first < 0 || first > second) {
			throw new IllegalArgumentException("no consistency proof from size " + first + " to " + second);
		}
		List<byte[]> proof = new ArrayList<>();
		if (first > 0) {
			subproof(first, 0, second, true, proof);
		}
		return proof;
	}

	/**
	 * The complete subtrees that make up the first {@code treeSize} leaves, largest first: enough to go on
	 * computing heads of a larger tree from the leaves after them.
	 */
	public List<byte[]> frontier(long treeSize) {
		requireSize(treeSize);
		List<byte[]> hashes = new ArrayList<>();
		long start = 0;
		for (long bit = Long.highestOneBit(treeSize); bit > 0; bit >>= 1) {
			if ((treeSize & bit) != 0) {
				hashes.add(subtreeHash(start, start + bit));
				start += bit;
			}
		}
		return hashes;
	}

	private void path(long index, long start, long end, List<byte[]> path) {
		long n = end - start;
		if (n == 1) {
			return;
		}
		long k = Merkle.split(n);
		if (index < k) {
			path(index, start, start + k, path);
			path.add(subtreeHash(start + k, end));
		}
		else {
			path(index - k, start + k, end, path);
			path.add(subtreeHash(start, start + k));
		}
	}

	private void subproof(long m, long start, long end, boolean startsAtFirstTree, List<byte[]> proof) {
		long n = end - start;
		if (m == n) {
			if (!startsAtFirstTree) {
				proof.add(subtreeHash(start, end));
			}
			return;
		}
		long k = Merkle.split(n);
		if (m <= k) {
			subproof(m, start, start + k, startsAtFirstTree, proof);
			proof.add(subtreeHash(start + k, end));
		}
		else {
			subproof(m - k, start + k, end, false, proof);
			proof.add(subtreeHash(start, start + k));
		}
	}

	private byte[] subtreeHash(long start, long end) {
		long n = end - start;
		if (n == 1) {
			return leaves.leafHash(start);
		}
		boolean cacheable = n >= CACHED_SUBTREE && Long.bitCount(n) == 1 && start % n == 0;
		if (cacheable) {
			byte[] cached = completeSubtrees.get(key(start, n));
			if (cached != null) {
				return cached;
			}
		}
		long k = Merkle.split(n);
		byte[] hash = Merkle.nodeHash(subtreeHash(start, start + k), subtreeHash(start + k, end));
		if (cacheable) {
			completeSubtrees.put(key(start, n), hash);
		}
		return hash;
	}

	private static long key(long start, long n) {
		return ((long) Long.numberOfTrailingZeros(n) << 56) | (start / n);
	}

	private void requireSize(long treeSize) {
		if (treeSize < 0 || treeSize > leaves.size()) {
			throw new IllegalArgumentException("tree size " + treeSize + " but the log has " + leaves.size());
		}
	}
}
