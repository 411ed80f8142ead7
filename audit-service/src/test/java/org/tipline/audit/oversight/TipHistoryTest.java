package org.tipline.audit.oversight;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.tipline.audit.ledger.Hop;

import static org.assertj.core.api.Assertions.assertThat;

class TipHistoryTest {

	private static final UUID TIP = UUID.randomUUID();

	private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

	@Test
	void aLinkFoundLaterDoesNotStandForWhereAHeldTipGotTo() {
		TipHistory held = TipHistory.fold(List.of(entry(Hop.RECEIVED, AT, null),
				entry(Hop.DECIDED, AT.plusSeconds(2), "HOLD_FOR_CONSENT"),
				entry(Hop.HELD, AT.plusSeconds(2), "VICTIM_CONSENT_NOT_GIVEN"),
				entry(Hop.LINKED, AT.plusSeconds(86_400), "LINKED"))).get(0);

		assertThat(held.lastHop()).isEqualTo(Hop.HELD);
		assertThat(held.lastAt()).isEqualTo(AT.plusSeconds(2));
		assertThat(held.firstSeenAt()).isEqualTo(AT);
		assertThat(held.held()).isTrue();
	}

	@Test
	void aLinkRecordedBeforeTheTipsOwnHopsGivesWayToThem() {
		TipHistory tip = TipHistory.fold(List.of(entry(Hop.LINKED, AT.plusSeconds(60), "LINKED"),
				entry(Hop.RECEIVED, AT, null))).get(0);

		assertThat(tip.lastHop()).isEqualTo(Hop.RECEIVED);
		assertThat(tip.firstSeenAt()).isEqualTo(AT);
	}

	@Test
	void aTipKnownOnlyByALinkShowsTheLink() {
		TipHistory tip = TipHistory.fold(List.of(entry(Hop.LINKED, AT, "LINKED"))).get(0);

		assertThat(tip.lastHop()).isEqualTo(Hop.LINKED);
		assertThat(tip.lastAt()).isEqualTo(AT);
	}

	private static TipHistory.Entry entry(Hop hop, Instant at, String outcome) {
		return new TipHistory.Entry(TIP, hop, at, outcome, Map.of());
	}
}
