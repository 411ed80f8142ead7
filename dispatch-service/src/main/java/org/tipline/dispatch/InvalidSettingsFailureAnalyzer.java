package org.tipline.dispatch;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Reports settings dispatch refused to start with as the list of problems, instead of a stack trace. */
class InvalidSettingsFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
	}
}
