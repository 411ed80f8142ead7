package org.tipline.audit.ledger;

import java.util.Set;

/** One step in the life of a tip, as the audit log records it. */
public enum Hop {

	RECEIVED, TRIAGED,
	/** A later tip was found to report the same incident: a fact learned about the tip, not a step on its way. */
	LINKED,
	DECIDED, HELD, CONSENT_UPDATED, WITHHELD, DELIVERY_ATTEMPTED, DELIVERED, SLA_BREACHED, DEAD_LETTERED, REPLAYED;

	/** After one of these nothing more is expected to happen to a tip: it reached a state, or it never will. */
	public static final Set<Hop> TERMINAL = Set.of(DELIVERED, WITHHELD, DEAD_LETTERED);

}
