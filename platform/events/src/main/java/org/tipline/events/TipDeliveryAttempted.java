package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * One attempt to deliver a forwarded tip to its endpoint. Published by dispatch-service on
 * {@value Topics#TIPS_DELIVERIES}, keyed by tip id, after the endpoint answered or the attempt failed;
 * {@code deliveryId} stays the same across every attempt for one tip and endpoint; {@code stateCaseNumber} is the
 * case number the state's reply carried, if any.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipDeliveryAttempted(TipId tipId, String deliveryId, int attempt, Instant attemptedAt,
		String endpoint, DeliveryOutcome outcome, Integer statusCode, long latencyMillis, String error, String stateCaseNumber) {
}
