package org.tipline.dispatch.policy;

import java.util.List;

/** The policy file cannot be used; each problem names the line it is on. Dispatch does not start. */
public class InvalidPolicyException extends RuntimeException {

	private final List<String> problems;

	InvalidPolicyException(String source, List<String> problems) {
		super("Forwarding policy " + source + " is invalid:\n  " + String.join("\n  ", problems));
		this.problems = List.copyOf(problems);
	}

	public List<String> problems() {
		return problems;
	}
}
