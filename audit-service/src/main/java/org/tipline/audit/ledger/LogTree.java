package org.tipline.audit.ledger;

import java.util.List;

import org.springframework.stereotype.Component;
import org.tipline.audit.merkle.GrowingLeafHashes;
import org.tipline.audit.merkle.MerkleTree;

/**
 * The Merkle tree over the audit log. Leaf hashes are read from the database once and kept; before answering
 * for a size it has not seen, the tree reads the entries appended since, by this instance or another.
 */
@Component
public class LogTree {

	private static final int PAGE = 5000;

	private final AuditLedger ledger;

	private final GrowingLeafHashes leaves = new GrowingLeafHashes();

	private final MerkleTree tree = new MerkleTree(leaves);

	LogTree(AuditLedger ledger) {
		this.ledger = ledger;
	}

	/** The size of the log as the database has it now. */
	public long currentSize() {
		long size = ledger.size();
		catchUp(size);
		return size;
	}

	public byte[] rootHash(long treeSize) {
		catchUp(treeSize);
		return tree.rootHash(treeSize);
	}

	public List<byte[]> inclusionProof(long index, long treeSize) {
		catchUp(treeSize);
		return tree.inclusionProof(index, treeSize);
	}

	public List<byte[]> consistencyProof(long first, long second) {
		catchUp(second);
		return tree.consistencyProof(first, second);
	}

	public List<byte[]> frontier(long treeSize) {
		catchUp(treeSize);
		return tree.frontier(treeSize);
	}

	public byte[] leafHash(long index) {
		catchUp(index + 1);
		return leaves.leafHash(index);
	}

	private synchronized void catchUp(long treeSize) {
		while (leaves.size() < treeSize) {
			List<AuditLedger.StoredEntry> page = ledger.entries(leaves.size(), PAGE);
			if (page.isEmpty()) {
				throw new IllegalArgumentException("the log has fewer than " + treeSize + " entries");
			}
			page.forEach((entry) -> leaves.append(entry.seq(), entry.leafHash()));
		}
	}
}
