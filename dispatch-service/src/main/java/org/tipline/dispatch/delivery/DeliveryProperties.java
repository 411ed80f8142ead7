package org.tipline.dispatch.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dispatch delivers to state endpoints, under {@code tipline.dispatch.delivery}.
 *
 * @param concurrency deliveries in flight at once in this instance
 * @param initialBackoff wait after a first failure; doubles with each further failure, with jitter
 * @param maxBackoff longest wait between two attempts
 * @param maxRetryAfter longest wait a Retry-After from an endpoint is honoured for
 * @param connectTimeout longest wait to connect to an endpoint
 * @param requestTimeout longest wait for an endpoint's whole answer
 * @param lease how long a claimed delivery is reserved for this instance; after a crash another takes it over
 * @param pollInterval how often the queue is checked when nothing wakes the worker
 * @param circuitBreakerFailures consecutive failures that open an endpoint's circuit
 * @param circuitBreakerCoolDown how long an open circuit keeps deliveries to that endpoint waiting
 */
@ConfigurationProperties("tipline.dispatch.delivery")
public record DeliveryProperties(@DefaultValue("32") int concurrency, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("5m") Duration maxBackoff, @DefaultValue("1h") Duration maxRetryAfter,
		@DefaultValue("5s") Duration connectTimeout, @DefaultValue("15s") Duration requestTimeout,
		@DefaultValue("60s") Duration lease, @DefaultValue("250ms") Duration pollInterval,
		@DefaultValue("5") int circuitBreakerFailures, @DefaultValue("30s") Duration circuitBreakerCoolDown) {
}
