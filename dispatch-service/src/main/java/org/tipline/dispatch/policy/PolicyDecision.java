package org.tipline.dispatch.policy;

import org.tipline.events.Decision;

/** What the policy decided for one tip, the rule that decided it and the reason code recorded for oversight. */
public record PolicyDecision(Decision decision, String reasonCode, String rule, String endpoint) {
}
