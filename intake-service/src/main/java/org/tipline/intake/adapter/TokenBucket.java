package org.tipline.intake.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A request rate: tokens refill continuously at {@code ratePerSecond} up to {@code burst}, and each request takes
 * one. Starts full, so an adapter that was quiet may send a burst at once.
 */
final class TokenBucket {

	private static final double NANOS_PER_SECOND = 1_000_000_000d;

	private final double ratePerSecond;

	private final double capacity;

	private final Clock clock;

	private double tokens;

	private Instant refilledAt;

	TokenBucket(double ratePerSecond, int burst, Clock clock) {
		this.ratePerSecond = ratePerSecond;
		this.capacity = burst;
		this.clock = clock;
		this.tokens = burst;
		this.refilledAt = clock.instant();
	}

	/** Takes a token and answers {@link Duration#ZERO}, or takes none and answers how long until one is there. */
	synchronized Duration take() {
		refill();
		if (tokens >= 1) {
			tokens -= 1;
			return Duration.ZERO;
		}
		return Duration.ofNanos((long) Math.ceil((1 - tokens) / ratePerSecond * NANOS_PER_SECOND));
	}

	private void refill() {
		Instant now = clock.instant();
		// a clock set back (NTP) refills nothing rather than draining the bucket
		if (now.isAfter(refilledAt)) {
			double elapsedSeconds = Duration.between(refilledAt, now).toNanos() / NANOS_PER_SECOND;
			tokens = Math.min(capacity, tokens + elapsedSeconds * ratePerSecond);
			refilledAt = now;
		}
	}
}
