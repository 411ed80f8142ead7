package org.tipline.dispatch.delivery;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.Contact;
import org.tipline.events.Location;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

import static org.assertj.core.api.Assertions.assertThat;

class StateDeliveryTest {

	private final TipReceived tip = new TipReceived(TipId.forSubmission(Channel.CHAT, "c"), Instant.EPOCH, Channel.CHAT,
			"c", "en", new Reporter(ReporterRole.VICTIM, Consent.DECLINED, new Contact("+13055550100", "v@example.org")),
			"narrative", new Location(StateCode.of("FL"), "Miami", "33101", "1 Example St", 25.7, -80.2), "+13055550100");

	@Test
	void redactsTheVictimsContactDetailsFieldByField() {
		TipReceived redacted = StateDelivery.redacted(tip, List.of("reporter.contact", "callerPhone", "location.address"));

		assertThat(redacted.reporter().contact()).isNull();
		assertThat(redacted.callerPhone()).isNull();
		assertThat(redacted.location().address()).isNull();
		assertThat(redacted.reporter().role()).isEqualTo(ReporterRole.VICTIM);
		assertThat(redacted.location().city()).isEqualTo("Miami");
		assertThat(redacted.location().lat()).isEqualTo(25.7);
		assertThat(redacted.narrative()).isEqualTo("narrative");
	}

	@Test
	void redactsSingleContactFieldsCoordinatesAndNarrativeWhenListed() {
		TipReceived redacted = StateDelivery.redacted(tip,
				List.of("reporter.contact.phone", "location.coordinates", "narrative"));

		assertThat(redacted.reporter().contact().phone()).isNull();
		assertThat(redacted.reporter().contact().email()).isEqualTo("v@example.org");
		assertThat(redacted.location().lat()).isNull();
		assertThat(redacted.location().lon()).isNull();
		assertThat(redacted.location().address()).isEqualTo("1 Example St");
		assertThat(redacted.narrative()).isNull();
		assertThat(redacted.callerPhone()).isEqualTo("+13055550100");
	}

	@Test
	void nothingListedLeavesTheTipWhole() {
		assertThat(StateDelivery.redacted(tip, List.of())).isSameAs(tip);
	}

	@Test
	void deliveryIdIsStablePerTipAndEndpoint() {
		assertThat(StateDelivery.deliveryIdOf(tip.tipId(), "FL")).isEqualTo(StateDelivery.deliveryIdOf(tip.tipId(), "FL"))
			.startsWith("dlv_")
			.endsWith("_FL");
		assertThat(StateDelivery.deliveryIdOf(tip.tipId(), "FL/escalation")).endsWith("_FL_escalation");
	}
}
