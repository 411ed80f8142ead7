package org.tipline.events;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EventContractsTest {

	private final ObjectMapper mapper = JsonMapper.builder().build();

	static Stream<Arguments> goldenEvents() {
		return Stream.of(Arguments.of("tip-received.json", TipReceived.class),
				Arguments.of("tip-triaged.json", TipTriaged.class), Arguments.of("tip-decided.json", TipDecided.class),
				Arguments.of("tip-delivery-attempted.json", TipDeliveryAttempted.class),
				Arguments.of("tip-consent-updated.json", TipConsentUpdated.class),
				Arguments.of("tip-sla-breached.json", TipSlaBreached.class),
				Arguments.of("tip-replayed.json", TipReplayed.class),
				Arguments.of("tip-linked.json", TipLinked.class));
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void goldenJsonRoundTripsUnchanged(String file, Class<?> type) throws IOException {
		JsonNode golden = mapper.readTree(golden(file));

		Object event = mapper.treeToValue(golden, type);

		assertThat(mapper.readTree(mapper.writeValueAsString(event))).isEqualTo(golden);
	}

	@ParameterizedTest
	@MethodSource("goldenEvents")
	void toleratesFieldsAddedByANewerProducer(String file, Class<?> type) throws IOException {
		ObjectNode withExtra = (ObjectNode) mapper.readTree(golden(file));
		withExtra.put("addedLater", "ignored by older consumers");

		Object event = mapper.treeToValue(withExtra, type);

		assertThat(mapper.readTree(mapper.writeValueAsString(event))).isEqualTo(mapper.readTree(golden(file)));
	}

	@Test
	void everyEventTypeHasAGoldenFile() {
		assertThat(goldenEvents().map((arguments) -> arguments.get()[1]))
			.containsExactlyInAnyOrder(Stream.of(EventType.values()).map(EventType::payloadType).toArray());
	}

	@Test
	void sameSubmissionAlwaysGetsTheSameTipId() {
		TipId sms = TipId.forSubmission("sms-gateway", Channel.SMS, "SM-1");
		assertThat(sms).isEqualTo(TipId.forSubmission("sms-gateway", Channel.SMS, "SM-1"));
		assertThat(sms).isNotEqualTo(TipId.forSubmission("sms-gateway", Channel.CHAT, "SM-1"));
		assertThat(sms).as("each adapter numbers its own messages")
			.isNotEqualTo(TipId.forSubmission("web-form", Channel.SMS, "SM-1"));
	}

	@Test
	void stateCodeRefusesNamesAndLowerCase() {
		assertThatIllegalArgumentException().isThrownBy(() -> StateCode.of("Florida"));
		assertThatIllegalArgumentException().isThrownBy(() -> StateCode.of("fl"));
		assertThat(StateCode.of("PR").value()).isEqualTo("PR");
	}

	private static String golden(String file) throws IOException {
		try (InputStream in = EventContractsTest.class.getResourceAsStream("/golden/" + file)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
