package org.tipline.audit.access;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a reader misconfiguration into Spring Boot's "APPLICATION FAILED TO START" report with what to do. */
class ReaderConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<ReaderConfigurationException> {

	static final String ACTION = """
			Configure at least one reader of the audit API, each with
			  tipline.audit.readers.<name>.key-sha256  the SHA-256 of its key, 64 lower-case hex digits \
			(printf %s "$KEY" | sha256sum)
			  tipline.audit.readers.<name>.role        ANALYST or OVERSIGHT
			and give each reader a key of its own. docs/audit.md shows how to create a key.""";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ReaderConfigurationException cause) {
		return new FailureAnalysis(cause.getMessage(), ACTION, cause);
	}
}
