package org.tipline.intake.adapter;

/**
 * {@code tipline.intake.adapters} cannot be used as configured. The message names the property and what is wrong
 * with it, never its value: a key pasted where its hash belongs must not end up in a log.
 */
class InvalidAdapterSettingsException extends RuntimeException {

	InvalidAdapterSettingsException(String property, String problem) {
		super(property + " " + problem);
	}
}
