package org.tipline.dispatch.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Per endpoint, in this instance: a circuit breaker that stops sending to an endpoint after consecutive
 * failures, for a cool-down, after which one more failure opens it again at once; and a token bucket that keeps
 * deliveries under the endpoint's rate limit. Both only delay deliveries, they never drop one.
 */
final class EndpointGuard {

	private final int failureThreshold;

	private final Duration coolDown;

	private final double ratePerSecond;

	private final Map<String, State> endpoints = new ConcurrentHashMap<>();

	EndpointGuard(int failureThreshold, Duration coolDown, double ratePerSecond) {
		this.failureThreshold = failureThreshold;
		this.coolDown = coolDown;
		this.ratePerSecond = ratePerSecond;
	}

	/** Endpoints whose circuit is open now: their deliveries are not claimed. */
	Set<String> openCircuits(Instant now) {
		return endpoints.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().openUntil(now))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

	/** Takes a token; when none is left, returns how long until one is, else null. */
	Duration acquire(String endpoint, Instant now) {
		return state(endpoint).take(now, ratePerSecond);
	}

	/**
	 * Whether this success ends a pause of the endpoint (its circuit had opened): it has recovered. One delivery
	 * failing among successes is not a pause, so its own back-off stands.
	 */
	boolean succeeded(String endpoint, Instant now) {
		return state(endpoint).succeeded(now);
	}

	/**
	 * Whether the endpoint came back from a pause after {@code attemptStartedAt}: an attempt that left before and
	 * failed says nothing about the endpoint now.
	 */
	boolean recoveredSince(String endpoint, Instant attemptStartedAt) {
		return state(endpoint).recoveredSince(attemptStartedAt);
	}

	/** When the endpoint's circuit opened (or stays open) with this failure, until when; else null. */
	Instant failed(String endpoint, Instant now) {
		return state(endpoint).failed(now, failureThreshold, coolDown);
	}

	private State state(String endpoint) {
		return endpoints.computeIfAbsent(endpoint, (name) -> new State(ratePerSecond));
	}

	private static final class State {

		private int consecutiveFailures;

		private Instant openUntil = Instant.MIN;

		private Instant recoveredAt = Instant.MIN;

		private double tokens;

		private Instant refilledAt = Instant.MIN;

		State(double capacity) {
			this.tokens = capacity;
		}

		synchronized boolean openUntil(Instant now) {
			return now.isBefore(openUntil);
		}

		synchronized Duration take(Instant now, double ratePerSecond) {
			if (!refilledAt.equals(Instant.MIN)) {
				double seconds = Duration.between(refilledAt, now).toNanos() / 1e9;
				tokens = Math.min(ratePerSecond, tokens + Math.max(0, seconds) * ratePerSecond);
			}
			refilledAt = now;
			if (tokens >= 1) {
				tokens -= 1;
				return null;
			}
			return Duration.ofMillis((long) Math.ceil((1 - tokens) / ratePerSecond * 1000));
		}

		synchronized boolean succeeded(Instant now) {
			boolean recovered = !openUntil.equals(Instant.MIN);
			consecutiveFailures = 0;
			openUntil = Instant.MIN;
			if (recovered) {
				recoveredAt = now;
			}
			return recovered;
		}

		synchronized boolean recoveredSince(Instant attemptStartedAt) {
			return recoveredAt.isAfter(attemptStartedAt);
		}

		synchronized Instant failed(Instant now, int threshold, Duration coolDown) {
			consecutiveFailures++;
			if (consecutiveFailures >= threshold) {
				openUntil = now.plus(coolDown);
				return openUntil;
			}
			return null;
		}
	}
}
