package org.tipline.dispatch.policy;

import org.tipline.events.Classification;
import org.tipline.events.Consent;
import org.tipline.events.Decision;
import org.tipline.events.ReporterRole;
import org.tipline.events.TipTriaged;

/**
 * The national default forwarding policy, first version. Rules are tried in order and the first that applies
 * decides; every decision names its rule and reason so a withheld tip is never withheld silently.
 */
public final class ForwardingPolicy {

	public static final String VERSION = "national-default@1";

	/** The endpoint name of tips whose state is unknown: a national desk that routes them by hand. */
	public static final String FALLBACK_ENDPOINT = "FALLBACK";

	public PolicyDecision decide(TipTriaged tip) {
		Classification classification = tip.classification();
		PolicyDecision byRole = decideByRole(tip, classification);
		if (byRole.decision() == Decision.WITHHOLD || tip.jurisdiction().hasState()) {
			return byRole;
		}
		return new PolicyDecision(byRole.decision(), "NO_JURISDICTION", byRole.rule(), FALLBACK_ENDPOINT);
	}

	private static PolicyDecision decideByRole(TipTriaged tip, Classification classification) {
		String endpoint = tip.jurisdiction().hasState() ? tip.jurisdiction().state().value() : FALLBACK_ENDPOINT;
		if (classification.minor() || classification.imminentDanger()) {
			return new PolicyDecision(Decision.FORWARD, "MANDATED_MINOR_OR_DANGER", "mandated-minor-or-danger",
					endpoint);
		}
		if (classification.reporterRole() != ReporterRole.VICTIM) {
			return new PolicyDecision(Decision.FORWARD, "REPORTER_NOT_VICTIM", "reporter-not-victim", endpoint);
		}
		Consent consent = (tip.tip().reporter() != null) ? tip.tip().reporter().consentToLawEnforcement() : null;
		if (consent == Consent.GRANTED) {
			return new PolicyDecision(Decision.FORWARD, "VICTIM_CONSENTED", "victim-consent-granted", endpoint);
		}
		if (consent == Consent.DECLINED) {
			return new PolicyDecision(Decision.WITHHOLD, "VICTIM_DECLINED_CONSENT", "victim-consent-declined", null);
		}
		return new PolicyDecision(Decision.WITHHOLD, "VICTIM_CONSENT_NOT_GIVEN", "victim-consent-not-given", null);
	}
}
