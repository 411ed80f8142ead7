package org.tipline.dispatch.delivery;

import java.time.Duration;

/**
 * What one POST to an endpoint came to. {@code status} is null when no answer arrived (refused, timed out);
 * {@code retryAfter} is what a 429 or 503 asked for; {@code caseNumber} what the state's reply named;
 * {@code error} why the attempt failed, also with a status (a redirect, a reply over the size cap).
 */
record AttemptResult(Integer status, long latencyMillis, Duration retryAfter, String caseNumber, String error) {

	boolean delivered() {
		return status != null && status >= 200 && status < 300 && error == null;
	}

	boolean gone() {
		return status != null && status == 410;
	}
}
