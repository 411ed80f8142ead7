package org.tipline.dispatch.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a failed delivery again: exponential back-off with jitter, so endpoints coming back are not hit by
 * every waiting delivery at once; a Retry-After an endpoint asked for is honoured, up to a cap.
 */
final class RetrySchedule {

	private final Duration initial;

	private final Duration max;

	private final Duration maxRetryAfter;

	RetrySchedule(Duration initial, Duration max, Duration maxRetryAfter) {
		this.initial = initial;
		this.max = max;
		this.maxRetryAfter = maxRetryAfter;
	}

	/** {@code attempts} is how many attempts failed so far, at least one. */
	Instant nextAttempt(int attempts, Instant now, Duration retryAfter) {
		Duration backoff = backoff(attempts);
		if (retryAfter != null) {
			Duration asked = retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter;
			return now.plus(asked.compareTo(backoff) > 0 ? asked : backoff);
		}
		return now.plus(backoff);
	}

	Duration backoff(int attempts) {
		long exponential = initial.toMillis() << Math.min(Math.max(attempts - 1, 0), 20);
		long capped = Math.min(exponential, max.toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}
}
