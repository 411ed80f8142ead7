package org.tipline.dispatch.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an invalid policy file into a start-up report an official can act on, instead of a stack trace. */
class InvalidPolicyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidPolicyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidPolicyException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Correct the lines named above in the policy file (tipline.dispatch.policy.file) and start dispatch again; "
						+ "docs/forwarding-policy.md describes every setting.",
				cause);
	}
}
