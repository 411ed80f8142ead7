package org.tipline.dispatch.policy;

import java.time.Instant;
import java.util.List;

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

	private final ForwardingPolicy policy = new ForwardingPolicy();

	@ParameterizedTest(name = "minor={0} danger={1} role={2} consent={3} state={4} -> {5} {6} to {7}")
	@CsvSource(nullValues = "-", textBlock = """
			true,  false, VICTIM,       DECLINED,  FL, FORWARD,  MANDATED_MINOR_OR_DANGER, FL
			false, true,  VICTIM,       -,         TX, FORWARD,  MANDATED_MINOR_OR_DANGER, TX
			false, false, THIRD_PARTY,  DECLINED,  GA, FORWARD,  REPORTER_NOT_VICTIM,      GA
			false, false, FAMILY,       -,         NY, FORWARD,  REPORTER_NOT_VICTIM,      NY
			false, false, VICTIM,       GRANTED,   OH, FORWARD,  VICTIM_CONSENTED,         OH
			false, false, VICTIM,       DECLINED,  OH, WITHHOLD, VICTIM_DECLINED_CONSENT,  -
			false, false, VICTIM,       NOT_ASKED, OH, WITHHOLD, VICTIM_CONSENT_NOT_GIVEN, -
			false, false, VICTIM,       -,         OH, WITHHOLD, VICTIM_CONSENT_NOT_GIVEN, -
			false, false, THIRD_PARTY,  -,         -,  FORWARD,  NO_JURISDICTION,          FALLBACK
			true,  false, THIRD_PARTY,  -,         -,  FORWARD,  NO_JURISDICTION,          FALLBACK
			false, false, VICTIM,       DECLINED,  -,  WITHHOLD, VICTIM_DECLINED_CONSENT,  -
			""")
	void decidesByTheFirstRuleThatApplies(boolean minor, boolean danger, ReporterRole role, Consent consent,
			String state, Decision decision, String reason, String endpoint) {
		PolicyDecision decided = policy.decide(triaged(minor, danger, role, consent, state));

		assertThat(decided.decision()).isEqualTo(decision);
		assertThat(decided.reasonCode()).isEqualTo(reason);
		assertThat(decided.endpoint()).isEqualTo(endpoint);
		assertThat(decided.rule()).isNotBlank();
	}

	private static TipTriaged triaged(boolean minor, boolean danger, ReporterRole role, Consent consent,
			String state) {
		TipId id = TipId.forSubmission(Channel.PHONE, "call-1");
		TipReceived tip = new TipReceived(id, Instant.EPOCH, Channel.PHONE, "call-1", "en",
				new Reporter(role, consent, null), "narrative", null, null);
		Jurisdiction jurisdiction = (state != null) ? new Jurisdiction(StateCode.of(state), 1.0, JurisdictionBasis.STATED)
				: Jurisdiction.unknown();
		return new TipTriaged(id, Instant.EPOCH, tip, jurisdiction,
				new Classification(minor, danger, TraffickingType.SEX, role, List.of()), Priority.P3, "test", List.of());
	}
}
