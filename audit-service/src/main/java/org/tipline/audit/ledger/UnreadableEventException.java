package org.tipline.audit.ledger;

/** An event audit cannot read; the binder dead-letters it with this message as the cause. */
class UnreadableEventException extends RuntimeException {

	UnreadableEventException(String message) {
		super(message);
	}
}
