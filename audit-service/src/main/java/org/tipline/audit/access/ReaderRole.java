package org.tipline.audit.access;

/** What a reader of the audit API may see. Each role sees everything the role before it sees. */
public enum ReaderRole {

	/**
	 * Aggregates, and timelines of what happened to a tip (hops, times, states, priorities, deadlines, deliveries)
	 * without why: no reason codes, rules, policy versions or consent.
	 */
	ANALYST,

	/** Everything: decisions with their reasons, inclusion and consistency proofs, the export, the access log. */
	OVERSIGHT;

	public boolean mayRead(ReaderRole needed) {
		return compareTo(needed) >= 0;
	}
}
