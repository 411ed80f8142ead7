package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The forwarding decision for a tip, with the policy version and rule that made it. Published by
 * dispatch-service on {@value Topics#TIPS_DECIDED}, keyed by tip id; {@code endpoint} names where a forwarded
 * tip goes (a state, or the fallback desk when no state was found).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipDecided(TipId tipId, Instant decidedAt, Decision decision, String reasonCode, String policyVersion,
		String rule, String endpoint, TipTriaged triaged) {

	public boolean forwards() {
		return decision == Decision.FORWARD || decision == Decision.FORWARD_REDACTED;
	}
}
