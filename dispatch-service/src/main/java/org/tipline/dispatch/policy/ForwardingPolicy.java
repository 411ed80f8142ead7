package org.tipline.dispatch.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.tipline.events.Classification;
import org.tipline.events.Consent;
import org.tipline.events.Decision;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipTriaged;

/**
 * A versioned forwarding policy: fixed rules tried in order, whose parameters (what declined or missing consent
 * leads to, the consent window, what is redacted, the deadlines) come from the policy file, nationally and per
 * state. The first rule that applies decides; every decision names its rule and a reason code, so no tip is
 * withheld silently.
 */
public final class ForwardingPolicy {

	/** The endpoint name of tips whose state is unknown: a national desk that routes them by hand. */
	public static final String FALLBACK_ENDPOINT = "FALLBACK";

	private final String id;

	private final int version;

	private final StatePolicy defaults;

	private final Map<StateCode, StatePolicy> states;

	ForwardingPolicy(String id, int version, StatePolicy defaults, Map<StateCode, StatePolicy> states) {
		this.id = id;
		this.version = version;
		this.defaults = defaults;
		this.states = Map.copyOf(states);
	}

	/** {@code policyId@version}, carried by every decision. */
	public String versionTag() {
		return id + "@" + version;
	}

	public StatePolicy forState(StateCode state) {
		return (state != null) ? states.getOrDefault(state, defaults) : defaults;
	}

	/**
	 * Decides a triaged tip. {@code laterConsent} is a consent answer that arrived for this tip before it was
	 * decided; it counts over what the adapter sent.
	 */
	public PolicyDecision decide(TipTriaged tip, Consent laterConsent) {
		Instant clockStart = tip.tip().receivedAt();
		StateCode state = tip.jurisdiction().state();
		StatePolicy policy = forState(state);
		Classification classification = tip.classification();
		if (classification.minor() || classification.imminentDanger()) {
			return forward(tip, Decision.FORWARD, "MANDATED_MINOR_OR_DANGER", "mandated-minor-or-danger", clockStart);
		}
		if (classification.reporterRole() != ReporterRole.VICTIM) {
			return forward(tip, Decision.FORWARD, "REPORTER_NOT_VICTIM", "reporter-not-victim", clockStart);
		}
		Consent consent = (laterConsent != null) ? laterConsent : consentOf(tip);
		if (consent == Consent.GRANTED) {
			return forward(tip, Decision.FORWARD, "VICTIM_CONSENTED", "victim-consent-granted", clockStart);
		}
		if (consent == Consent.DECLINED) {
			return apply(tip, policy.consentDeclined(), "VICTIM_DECLINED_CONSENT",
					rule("victim-consent-declined", "consentDeclined", state, policy), clockStart);
		}
		if (policy.consentNotAsked() == Decision.HOLD_FOR_CONSENT) {
			return new PolicyDecision(Decision.HOLD_FOR_CONSENT, "AWAITING_VICTIM_CONSENT",
					rule("victim-consent-not-asked", "consentNotAsked", state, policy), null, null, List.of(),
					clockStart.plus(policy.consentWindow()));
		}
		return apply(tip, policy.consentNotAsked(), "VICTIM_CONSENT_NOT_ASKED",
				rule("victim-consent-not-asked", "consentNotAsked", state, policy), clockStart);
	}

	/**
	 * Settles a tip held for consent: the victim's answer, or none when the consent window passed, in which case
	 * the state's {@code afterConsentWindow} applies.
	 */
	public PolicyDecision settleHeld(TipTriaged tip, Consent answer, Instant now) {
		Instant clockStart = now;
		StateCode state = tip.jurisdiction().state();
		StatePolicy policy = forState(state);
		if (answer == Consent.GRANTED) {
			return forward(tip, Decision.FORWARD, "VICTIM_CONSENTED", "victim-consent-granted", clockStart);
		}
		if (answer == Consent.DECLINED) {
			return apply(tip, policy.consentDeclined(), "VICTIM_DECLINED_CONSENT",
					rule("victim-consent-declined", "consentDeclined", state, policy), clockStart);
		}
		return apply(tip, policy.afterConsentWindow(), "CONSENT_WINDOW_EXPIRED",
				rule("consent-window-expired", "afterConsentWindow", state, policy), clockStart);
	}

	private PolicyDecision apply(TipTriaged tip, Decision decision, String reason, String rule, Instant clockStart) {
		if (decision == Decision.WITHHOLD) {
			return new PolicyDecision(Decision.WITHHOLD, reason, rule, null, null, List.of(), null);
		}
		return forward(tip, decision, reason, rule, clockStart);
	}

	/**
	 * The deadline runs from intake ({@code clockStart} is the time of receipt), so time spent in the pipeline
	 * counts; for a tip released after being held it runs from the release, or a late consent would make the tip
	 * arrive already breached.
	 */
	private PolicyDecision forward(TipTriaged tip, Decision decision, String reason, String rule, Instant clockStart) {
		StateCode state = tip.jurisdiction().state();
		StatePolicy policy = forState(state);
		Duration allowed = policy.deadlines().get(tip.priority());
		List<String> redact = (decision == Decision.FORWARD_REDACTED) ? policy.redact() : List.of();
		if (state == null) {
			return new PolicyDecision(decision, "NO_JURISDICTION", rule, FALLBACK_ENDPOINT, clockStart.plus(allowed),
					redact, null);
		}
		return new PolicyDecision(decision, reason, rule, state.value(), clockStart.plus(allowed), redact, null);
	}

	private static String rule(String name, String parameter, StateCode state, StatePolicy policy) {
		return (state != null && policy.overridden().contains(parameter)) ? name + "@" + state.value() : name;
	}

	private static Consent consentOf(TipTriaged tip) {
		return (tip.tip().reporter() != null) ? tip.tip().reporter().consentToLawEnforcement() : null;
	}

}
