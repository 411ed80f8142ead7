package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A forwarded tip was not delivered by its deadline. Published by dispatch-service on
 * {@value Topics#TIPS_BREACHES}, keyed by tip id, once per delivery when the deadline passes; delivery goes on.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipSlaBreached(TipId tipId, String deliveryId, String endpoint, StateCode state, Priority priority,
		Instant deadline, Instant breachedAt) {
}
