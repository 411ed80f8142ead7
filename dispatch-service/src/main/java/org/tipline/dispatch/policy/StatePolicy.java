package org.tipline.dispatch.policy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.tipline.events.Decision;
import org.tipline.events.Priority;

/**
 * The parameters of the forwarding rules for one state, after its overrides were laid over the national
 * default. {@code overridden} names the parameters the state set itself, so a decision can say whose rule it was.
 *
 * @param consentDeclined what a victim's self-report with consent declined gets: WITHHOLD or FORWARD_REDACTED
 * @param consentNotAsked what a victim's self-report without a consent answer gets: HOLD_FOR_CONSENT, WITHHOLD or
 * FORWARD_REDACTED
 * @param consentWindow how long a held self-report waits for the victim's answer
 * @param afterConsentWindow what a held self-report gets when the window passes unanswered
 * @param redact the fields a FORWARD_REDACTED delivery leaves out
 * @param deadlines the longest time from intake to delivery, per priority
 */
public record StatePolicy(Decision consentDeclined, Decision consentNotAsked, Duration consentWindow,
		Decision afterConsentWindow, List<String> redact, Map<Priority, Duration> deadlines, List<String> overridden) {

	public StatePolicy {
		redact = List.copyOf(redact);
		deadlines = Map.copyOf(deadlines);
		overridden = List.copyOf(overridden);
	}
}
