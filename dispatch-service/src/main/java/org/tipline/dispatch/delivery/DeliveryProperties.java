package org.tipline.dispatch.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How dispatch delivers to state endpoints, under {@code tipline.dispatch.delivery}.
 *
 * @param maxAttempts attempts per tip before it is dead-lettered for an operator
 * @param initialBackoff wait after the first failure; doubles with each further failure, with jitter
 * @param maxBackoff longest wait between two attempts
 * @param connectTimeout longest wait to connect to an endpoint
 * @param requestTimeout longest wait for an endpoint's answer
 */
@ConfigurationProperties("tipline.dispatch.delivery")
public record DeliveryProperties(@DefaultValue("6") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
		@DefaultValue("30s") Duration maxBackoff, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("15s") Duration requestTimeout) {
}
