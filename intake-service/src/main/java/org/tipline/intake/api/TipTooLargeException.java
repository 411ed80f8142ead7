package org.tipline.intake.api;

import org.springframework.util.unit.DataSize;

class TipTooLargeException extends RuntimeException {

	TipTooLargeException(DataSize limit) {
		super("a tip request may be at most " + limit.toKilobytes() + " KiB");
	}
}
