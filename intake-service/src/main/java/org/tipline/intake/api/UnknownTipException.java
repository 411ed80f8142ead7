package org.tipline.intake.api;

/** The id names no tip the calling adapter submitted: unknown, malformed or another adapter's, all alike. */
class UnknownTipException extends RuntimeException {

	UnknownTipException() {
		super("no tip with this id");
	}
}
