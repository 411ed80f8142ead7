package org.tipline.audit.ledger;

/** One step in the life of a tip, as the audit log records it. */
public enum Hop {

	RECEIVED, TRIAGED, DECIDED, WITHHELD, DELIVERY_ATTEMPTED, DELIVERED

}
