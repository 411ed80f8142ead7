package org.tipline.dispatch.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tipline.events.Channel;
import org.tipline.events.Classification;
import org.tipline.events.Decision;
import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Priority;
import org.tipline.events.TipDecided;
import org.tipline.events.TipTriaged;
import org.tipline.events.TraffickingType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
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

	private final TipReceived tip = new TipReceived(TipId.forSubmission("test-adapter", Channel.CHAT, "c"), Instant.EPOCH, Channel.CHAT,
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

	/** Each personal field of a delivered tip: where it is in the JSON body, and its value there. */
	private static final Map<String, String> PERSONAL = new LinkedHashMap<>();

	static {
		PERSONAL.put("/tip/reporter/contact/phone", "+13055550101");
		PERSONAL.put("/tip/reporter/contact/email", "victim@example.org");
		PERSONAL.put("/tip/callerPhone", "+13055550199");
		PERSONAL.put("/tip/location/address", "12 Hidden Lane");
		PERSONAL.put("/tip/location/lat", "25.7617");
		PERSONAL.put("/tip/location/lon", "-80.1918");
		PERSONAL.put("/tip/narrative", "She is kept at the motel by the highway");
	}

	/** What each field a policy may name in {@code redact} (docs/forwarding-policy.md) covers. */
	private static final Map<String, List<String>> COVERS = Map.of("reporter.contact",
			List.of("/tip/reporter/contact/phone", "/tip/reporter/contact/email"), "reporter.contact.phone",
			List.of("/tip/reporter/contact/phone"), "reporter.contact.email", List.of("/tip/reporter/contact/email"),
			"callerPhone", List.of("/tip/callerPhone"), "location.address", List.of("/tip/location/address"),
			"location.coordinates", List.of("/tip/location/lat", "/tip/location/lon"), "narrative",
			List.of("/tip/narrative"));

	private final JsonMapper json = JsonMapper.builder().build();

	@ParameterizedTest(name = "redact [{0}]")
	@ValueSource(strings = { "reporter.contact", "reporter.contact.phone", "reporter.contact.email", "callerPhone",
			"location.address", "location.coordinates", "narrative" })
	void aRedactedDeliveryLeavesOutExactlyTheFieldTheStateNamed(String field) {
		String body = json.writeValueAsString(StateDelivery.of(decided(), List.of(field)));

		JsonNode delivered = json.readTree(body);
		for (String pointer : COVERS.get(field)) {
			assertThat(delivered.at(pointer).isNull() || delivered.at(pointer).isMissingNode()).as(pointer).isTrue();
			assertThat(body).as("%s appears nowhere in the body", pointer).doesNotContain(PERSONAL.get(pointer));
		}
		List<String> kept = new ArrayList<>(PERSONAL.keySet());
		kept.removeAll(COVERS.get(field));
		for (String pointer : kept) {
			assertThat(delivered.at(pointer).asString()).as(pointer).isEqualTo(PERSONAL.get(pointer));
		}
		assertThat(delivered.path("redacted").values()).extracting(JsonNode::asString).containsExactly(field);
		assertWhatIsNeverRedacted(delivered);
	}

	@Test
	void theDefaultRedactionLeavesOutTheVictimsContactDetailsAndKeepsTheRest() {
		String body = json.writeValueAsString(
				StateDelivery.of(decided(), List.of("reporter.contact", "callerPhone", "location.address")));

		assertThat(body).doesNotContain("+13055550101", "victim@example.org", "+13055550199", "12 Hidden Lane")
			.contains("She is kept at the motel by the highway", "25.7617", "-80.1918");
		assertWhatIsNeverRedacted(json.readTree(body));
	}

	@Test
	void aForwardedTipIsDeliveredWhole() {
		JsonNode delivered = json.readTree(json.writeValueAsString(StateDelivery.of(decided(), List.of())));

		PERSONAL.forEach((pointer, value) -> assertThat(delivered.at(pointer).asString()).as(pointer).isEqualTo(value));
		assertThat(delivered.path("redacted").values()).isEmpty();
	}

	private static void assertWhatIsNeverRedacted(JsonNode delivered) {
		Map<String, String> kept = Map.of("/tip/reporter/role", "VICTIM", "/tip/reporter/consentToLawEnforcement",
				"DECLINED", "/tip/location/state", "FL", "/tip/location/city", "Miami", "/tip/location/zip", "33101",
				"/tip/channel", "SMS", "/tip/language", "en", "/priority", "P2", "/decision/decision",
				"FORWARD_REDACTED");
		kept.forEach((pointer, value) -> assertThat(delivered.at(pointer).asString()).as(pointer).isEqualTo(value));
		assertThat(delivered.path("tipId").asString()).isNotBlank();
		assertThat(delivered.path("deadline").isMissingNode()).isFalse();
	}

	private static TipDecided decided() {
		TipReceived received = new TipReceived(TipId.forSubmission("test-adapter", Channel.SMS, "m-1"), Instant.parse("2026-05-01T10:00:00Z"),
				Channel.SMS, "m-1", "en",
				new Reporter(ReporterRole.VICTIM, Consent.DECLINED, new Contact("+13055550101", "victim@example.org")),
				"She is kept at the motel by the highway",
				new Location(StateCode.of("FL"), "Miami", "33101", "12 Hidden Lane", 25.7617, -80.1918), "+13055550199");
		TipTriaged triaged = new TipTriaged(received.tipId(), received.receivedAt(), received,
				new Jurisdiction(StateCode.of("FL"), 1.0, JurisdictionBasis.STATED),
				new Classification(true, false, TraffickingType.SEX, ReporterRole.VICTIM, List.of()), Priority.P2,
				"test", List.of());
		return new TipDecided(received.tipId(), received.receivedAt(), Decision.FORWARD_REDACTED,
				"VICTIM_DECLINED_CONSENT", "test-policy@3", "victim-consent-declined@FL", "FL",
				received.receivedAt().plus(Duration.ofHours(1)), triaged);
	}
}
