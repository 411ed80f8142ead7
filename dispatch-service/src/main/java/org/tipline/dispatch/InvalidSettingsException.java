package org.tipline.dispatch;

import java.util.List;

/**
 * Dispatch's configuration cannot be used: every problem is listed, each naming the property it is about and the
 * rule it breaks, never a secret value. Dispatch does not start.
 */
public class InvalidSettingsException extends RuntimeException {

	private final String action;

	public InvalidSettingsException(String subject, List<String> problems, String action) {
		super(subject + ":\n  " + String.join("\n  ", problems));
		this.action = action;
	}

	/** What an operator does to correct it. */
	public String action() {
		return action;
	}
}
