package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The forwarding decision for a tip, with the policy version and rule that made it. Published by
 * dispatch-service on {@value Topics#TIPS_DECIDED}, keyed by tip id; {@code endpoint} names where a forwarded
 * tip goes (a state, or the fallback desk when no state was found) and {@code deadline} when it must be delivered
 * by at the latest, under the state's delay SLA for its priority (null when the tip is not forwarded).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipDecided(TipId tipId, Instant decidedAt, Decision decision, String reasonCode, String policyVersion,
		String rule, String endpoint, Instant deadline, TipTriaged triaged) {

	public boolean forwards() {
		return decision == Decision.FORWARD || decision == Decision.FORWARD_REDACTED;
	}
}
