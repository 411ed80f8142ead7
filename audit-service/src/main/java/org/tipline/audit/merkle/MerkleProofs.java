package org.tipline.audit.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks inclusion and consistency proofs exactly as RFC 9162 sections 2.1.3.2 and 2.1.4.2 describe, needing
 * nothing but the proof, the sizes and the hashes: what a verifier outside Tipline runs.
 */
public final class MerkleProofs {

	private MerkleProofs() {
	}

	public static boolean verifyInclusion(long index, long treeSize, byte[] leafHash, List<byte[]> path,
			byte[] rootHash) {
		if (index < 0 || index >= treeSize || !allHashes(path) || !isHash(leafHash) || !isHash(rootHash)) {
			return false;
		}
		long fn = index;
		long sn = treeSize - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				r = Merkle.nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				r = Merkle.nodeHash(r, p);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(r, rootHash);
	}

	public static boolean verifyConsistency(long first, long second, byte[] firstRoot, byte[] secondRoot,
			List<byte[]> proof) {
		if (first < 0 || second < first || !allHashes(proof)) {
			return false;
		}
		if (first == second) {
			return proof.isEmpty() && MessageDigest.isEqual(firstRoot, secondRoot);
		}
		if (first == 0) {
			// every tree extends the empty one
			return proof.isEmpty();
		}
		if (proof.isEmpty() || !isHash(firstRoot) || !isHash(secondRoot)) {
			return false;
		}
		List<byte[]> path = new ArrayList<>(proof);
		if (Long.bitCount(first) == 1) {
			path.add(0, firstRoot);
		}
		long fn = first - 1;
		long sn = second - 1;
		while ((fn & 1) == 1) {
			fn >>= 1;
			sn >>= 1;
		}
		byte[] fr = path.get(0);
		byte[] sr = path.get(0);
		for (byte[] c : path.subList(1, path.size())) {
			if (sn == 0) {
				return false;
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = Merkle.nodeHash(c, fr);
				sr = Merkle.nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>= 1;
					sn >>= 1;
				}
			}
			else {
				sr = Merkle.nodeHash(sr, c);
			}
			fn >>= 1;
			sn >>= 1;
		}
		return sn == 0 && MessageDigest.isEqual(fr, firstRoot) && MessageDigest.isEqual(sr, secondRoot);
	}

	private static boolean allHashes(List<byte[]> hashes) {
		return hashes.stream().allMatch(MerkleProofs::isHash);
	}

	private static boolean isHash(byte[] hash) {
		return hash != null && hash.length == Merkle.HASH_LENGTH;
	}
}
