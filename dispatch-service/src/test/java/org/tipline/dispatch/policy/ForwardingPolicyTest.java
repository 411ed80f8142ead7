package org.tipline.dispatch.policy;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tipline.events.Channel;
import org.tipline.events.Classification;
import org.tipline.events.Consent;
import org.tipline.events.Decision;
import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Priority;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.events.TraffickingType;

import static org.assertj.core.api.Assertions.assertThat;

class ForwardingPolicyTest {

	static final Instant RECEIVED = Instant.parse("2026-11-29T10:00:00Z");

	static final String POLICY = """
			policy: test-policy
			version: 7
			defaults:
			  consentDeclined: WITHHOLD
			  consentNotAsked: HOLD_FOR_CONSENT
			  consentWindow: 24h
			  afterConsentWindow: WITHHOLD
			  redact: [reporter.contact, callerPhone, location.address]
			  deadlines: {P1: 15m, P2: 1h, P3: 24h, P4: 72h}
			states:
			  FL:
			    consentDeclined: FORWARD_REDACTED
			    deadlines: {P1: 10m}
			  TX:
			    consentNotAsked: WITHHOLD
			  WA:
			    consentWindow: 2h
			    afterConsentWindow: FORWARD_REDACTED
			    redact: [reporter.contact]
			""";

	private final ForwardingPolicy policy = PolicyFile.parse("test", new StringReader(POLICY));

	@ParameterizedTest(name = "minor={0} danger={1} role={2} consent={3} state={4} -> {5} {6} rule {7} to {8}")
	@CsvSource(nullValues = "-", textBlock = """
			true,  false, VICTIM,      DECLINED,  OH, FORWARD,          MANDATED_MINOR_OR_DANGER, mandated-minor-or-danger,  OH
			false, true,  VICTIM,      NOT_ASKED, OH, FORWARD,          MANDATED_MINOR_OR_DANGER, mandated-minor-or-danger,  OH
			false, false, THIRD_PARTY, DECLINED,  GA, FORWARD,          REPORTER_NOT_VICTIM,      reporter-not-victim,       GA
			false, false, FAMILY,      -,         NY, FORWARD,          REPORTER_NOT_VICTIM,      reporter-not-victim,       NY
			false, false, ANONYMOUS,   -,         NY, FORWARD,          REPORTER_NOT_VICTIM,      reporter-not-victim,       NY
			false, false, VICTIM,      GRANTED,   OH, FORWARD,          VICTIM_CONSENTED,         victim-consent-granted,    OH
			false, false, VICTIM,      DECLINED,  OH, WITHHOLD,         VICTIM_DECLINED_CONSENT,  victim-consent-declined,   -
			false, false, VICTIM,      DECLINED,  FL, FORWARD_REDACTED, VICTIM_DECLINED_CONSENT,  victim-consent-declined@FL, FL
			false, false, VICTIM,      NOT_ASKED, OH, HOLD_FOR_CONSENT, AWAITING_VICTIM_CONSENT,  victim-consent-not-asked,  -
			false, false, VICTIM,      -,         OH, HOLD_FOR_CONSENT, AWAITING_VICTIM_CONSENT,  victim-consent-not-asked,  -
			false, false, VICTIM,      NOT_ASKED, TX, WITHHOLD,         VICTIM_CONSENT_NOT_ASKED, victim-consent-not-asked@TX, -
			false, false, THIRD_PARTY, -,         -,  FORWARD,          NO_JURISDICTION,          reporter-not-victim,       FALLBACK
			true,  false, THIRD_PARTY, -,         -,  FORWARD,          NO_JURISDICTION,          mandated-minor-or-danger,  FALLBACK
			false, false, VICTIM,      DECLINED,  -,  WITHHOLD,         VICTIM_DECLINED_CONSENT,  victim-consent-declined,   -
			""")
	void decidesByTheFirstRuleThatApplies(boolean minor, boolean danger, ReporterRole role, Consent consent,
			String state, Decision decision, String reason, String rule, String endpoint) {
		PolicyDecision decided = policy.decide(triaged(minor, danger, role, consent, state, Priority.P3), null);

		assertThat(decided.decision()).isEqualTo(decision);
		assertThat(decided.reasonCode()).isEqualTo(reason);
		assertThat(decided.rule()).isEqualTo(rule);
		assertThat(decided.endpoint()).isEqualTo(endpoint);
		assertThat(decided.deadline() != null).isEqualTo(decided.forwards());
	}

	@ParameterizedTest(name = "{0} in {1} is due {2} after intake")
	@CsvSource(textBlock = """
			P1, OH, 15m
			P2, OH, 1h
			P3, OH, 24h
			P4, OH, 72h
			P1, FL, 10m
			P2, FL, 1h
			""")
	void deadlineIsTheStatesDelayForThePriorityCountedFromIntake(Priority priority, String state, String delay) {
		PolicyDecision decided = policy.decide(triaged(false, false, ReporterRole.THIRD_PARTY, null, state, priority), null);

		Duration expected = Duration.parse("PT" + delay.toUpperCase());
		assertThat(decided.deadline()).isEqualTo(RECEIVED.plus(expected));
	}

	@Test
	void withholdsSelfReportWithoutConsentInTexasInsteadOfHolding() {
		assertThat(policy.decide(triaged(false, false, ReporterRole.VICTIM, Consent.NOT_ASKED, "TX", Priority.P3), null)
			.decision()).isEqualTo(Decision.WITHHOLD);
	}

	@Test
	void redactedForwardLeavesOutWhatTheStatesPolicyLists() {
		PolicyDecision decided = policy.decide(triaged(false, false, ReporterRole.VICTIM, Consent.DECLINED, "FL", Priority.P3), null);

		assertThat(decided.redact()).containsExactly("reporter.contact", "callerPhone", "location.address");
		assertThat(policy.decide(triaged(false, false, ReporterRole.THIRD_PARTY, null, "FL", Priority.P3), null).redact())
			.isEmpty();
	}

	@Test
	void holdsASelfReportUntilTheConsentWindowCountedFromIntake() {
		assertThat(policy.decide(triaged(false, false, ReporterRole.VICTIM, null, "OH", Priority.P3), null).holdUntil())
			.isEqualTo(RECEIVED.plus(Duration.ofHours(24)));
		assertThat(policy.decide(triaged(false, false, ReporterRole.VICTIM, null, "WA", Priority.P3), null).holdUntil())
			.isEqualTo(RECEIVED.plus(Duration.ofHours(2)));
	}

	@Test
	void aConsentAnswerThatArrivedFirstCountsOverTheAdapters() {
		PolicyDecision decided = policy.decide(triaged(false, false, ReporterRole.VICTIM, Consent.NOT_ASKED, "OH", Priority.P3),
				Consent.GRANTED);

		assertThat(decided.decision()).isEqualTo(Decision.FORWARD);
		assertThat(decided.reasonCode()).isEqualTo("VICTIM_CONSENTED");
	}

	@Test
	void releasedTipGetsItsDeadlineFromTheRelease() {
		Instant released = RECEIVED.plus(Duration.ofHours(20));

		PolicyDecision decided = policy.settleHeld(triaged(false, false, ReporterRole.VICTIM, null, "OH", Priority.P3),
				Consent.GRANTED, released);

		assertThat(decided.decision()).isEqualTo(Decision.FORWARD);
		assertThat(decided.deadline()).isEqualTo(released.plus(Duration.ofHours(24)));
	}

	@Test
	void unansweredHoldTakesTheStatesChoiceWhenTheWindowPasses() {
		Instant expired = RECEIVED.plus(Duration.ofHours(24));

		PolicyDecision ohio = policy.settleHeld(triaged(false, false, ReporterRole.VICTIM, null, "OH", Priority.P3), null, expired);
		PolicyDecision washington = policy.settleHeld(triaged(false, false, ReporterRole.VICTIM, null, "WA", Priority.P3), null,
				expired);

		assertThat(ohio.decision()).isEqualTo(Decision.WITHHOLD);
		assertThat(ohio.reasonCode()).isEqualTo("CONSENT_WINDOW_EXPIRED");
		assertThat(washington.decision()).isEqualTo(Decision.FORWARD_REDACTED);
		assertThat(washington.rule()).isEqualTo("consent-window-expired@WA");
		assertThat(washington.redact()).containsExactly("reporter.contact");
	}

	@Test
	void everyDecisionCarriesThePolicyVersion() {
		assertThat(policy.versionTag()).isEqualTo("test-policy@7");
	}

	static TipTriaged triaged(boolean minor, boolean danger, ReporterRole role, Consent consent, String state,
			Priority priority) {
		TipId id = TipId.forSubmission("test-adapter", Channel.PHONE, "call-" + role + consent + state);
		TipReceived tip = new TipReceived(id, RECEIVED, Channel.PHONE, "call-1", "en", new Reporter(role, consent, null),
				"narrative", null, null);
		Jurisdiction jurisdiction = (state != null)
				? new Jurisdiction(StateCode.of(state), 1.0, JurisdictionBasis.STATED) : Jurisdiction.unknown();
		return new TipTriaged(id, RECEIVED, tip, jurisdiction,
				new Classification(minor, danger, TraffickingType.SEX, role, List.of()), priority, "test", List.of());
	}
}
