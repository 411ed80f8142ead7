package org.tipline.audit.timeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipline.audit.ledger.AuditLedger;
import org.tipline.audit.ledger.Hop;

import static org.assertj.core.api.Assertions.assertThat;

class AnalystViewTest {

	private static final Instant AT = Instant.parse("2026-11-29T01:00:02Z");

	@Test
	void showsThatATipWasWithheldButNotWhy() {
		AuditLedger.RecordedEntry withheld = entry(Hop.WITHHELD, "VICTIM_DECLINED_CONSENT",
				Map.of("decision", "WITHHOLD", "reasonCode", "VICTIM_DECLINED_CONSENT", "policyVersion",
						"national-default@1", "rule", "victim-consent-declined", "state", "OH", "priority", "P3"));

		AuditLedger.RecordedEntry seen = AnalystView.of(withheld);

		assertThat(seen.details()).containsOnlyKeys("decision", "state", "priority");
		assertThat(seen.outcome()).isNull();
		assertThat(seen.hop()).isEqualTo(Hop.WITHHELD);
		assertThat(seen.at()).isEqualTo(AT);
		assertThat(seen.eventDigest()).isEqualTo(withheld.eventDigest());
	}

	@Test
	void leavesOutConsentClassificationCaseNumbersAndFactsNobodyDecidedOn() {
		assertThat(AnalystView.of(entry(Hop.CONSENT_UPDATED, "DECLINED", Map.of("consent", "DECLINED"))).outcome())
			.isNull();
		assertThat(AnalystView.of(entry(Hop.TRIAGED, "P1", Map.of("state", "OH", "priority", "P1", "minor", true,
				"imminentDanger", true, "reporterRole", "VICTIM", "traffickingType", "SEX", "stateConfidence", "0.9")))
			.details()).containsOnlyKeys("state", "priority", "stateConfidence");
		assertThat(AnalystView.of(entry(Hop.DELIVERED, "DELIVERED", Map.of("endpoint", "OH", "statusCode", 202,
				"latencyMillis", 40L, "stateCaseNumber", "CASE-OH", "deliveryId", "d-1", "addedLater", "x")))
			.details()).containsOnlyKeys("endpoint", "statusCode", "latencyMillis");
	}

	@Test
	void showsALinkWhole() {
		AuditLedger.RecordedEntry linked = entry(Hop.LINKED, "LINKED",
				Map.of("linkedTipId", "0b7e0f1e-1d2c-3b4a-8f9e-0a1b2c3d4e5f", "evidence", List.of("PHONE", "STORY")));

		AuditLedger.RecordedEntry seen = AnalystView.of(linked);

		assertThat(seen.details()).isEqualTo(linked.details());
		assertThat(seen.outcome()).isEqualTo("LINKED");
	}

	private static AuditLedger.RecordedEntry entry(Hop hop, String outcome, Map<String, Object> details) {
		return new AuditLedger.RecordedEntry(3, hop, "dispatch-service", AT, outcome, details,
				"org.tipline.tip.decided.v1", "ab".repeat(32));
	}
}
