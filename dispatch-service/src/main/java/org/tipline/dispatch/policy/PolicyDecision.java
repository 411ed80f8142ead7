package org.tipline.dispatch.policy;

import java.time.Instant;
import java.util.List;

import org.tipline.events.Decision;

/**
 * What the policy decided for one tip: the decision, the reason code recorded for oversight, the rule that
 * decided it ({@code rule@ST} when a state's override supplied the rule's parameter), the endpoint a forwarded
 * tip goes to, its deadline, the fields to leave out of a redacted delivery, and until when a held tip waits.
 */
public record PolicyDecision(Decision decision, String reasonCode, String rule, String endpoint, Instant deadline,
		List<String> redact, Instant holdUntil) {

	public PolicyDecision {
		redact = (redact == null) ? List.of() : List.copyOf(redact);
	}

	public boolean forwards() {
		return decision == Decision.FORWARD || decision == Decision.FORWARD_REDACTED;
	}
}
