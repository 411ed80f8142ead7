package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.events.Topics;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;

import static org.assertj.core.api.Assertions.assertThat;

@RunningIntake
class ConsentIT {

	@Autowired
	WebTestClient http;

	@BeforeEach
	void asAnAdapter() {
		http = http.mutate().defaultHeaders(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY)).build();
	}

	@Test
	void publishesAVictimsLaterConsentForATipIntakeAccepted() {
		String tipId = submitSelfReport();

		http.post()
			.uri("/v1/tips/{id}/consent", tipId)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"consent\":\"GRANTED\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.consent")
			.isEqualTo("GRANTED");

		assertThat(consentRecordsFor(tipId)).singleElement().asString().contains("\"consent\":\"GRANTED\"");
	}

	@Test
	void anUnknownTipIsNotFound() {
		http.post()
			.uri("/v1/tips/{id}/consent", UUID.randomUUID())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"consent\":\"DECLINED\"}")
			.exchange()
			.expectStatus()
			.isNotFound();
	}

	@Test
	void onlyGrantedOrDeclinedIsAnAnswer() {
		http.post()
			.uri("/v1/tips/{id}/consent", submitSelfReport())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"consent\":\"NOT_ASKED\"}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.errors[0].field")
			.isEqualTo("consent");
	}

	@Test
	void refusesACompressedAnswer() {
		http.post()
			.uri("/v1/tips/{id}/consent", submitSelfReport())
			.contentType(MediaType.APPLICATION_JSON)
			.header(HttpHeaders.CONTENT_ENCODING, "br")
			.bodyValue("{\"consent\":\"GRANTED\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE);
	}

	private String submitSelfReport() {
		return http.post()
			.uri("/v1/tips")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"channel\":\"CHAT\",\"channelMessageId\":\"" + UUID.randomUUID()
					+ "\",\"reporter\":{\"role\":\"VICTIM\",\"consentToLawEnforcement\":\"NOT_ASKED\"},\"narrative\":\"he keeps my passport\"}")
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody()
			.get("tipId")
			.toString();
	}

	private static List<String> consentRecordsFor(String tipId) {
		return KeyedRecords.of(Topics.TIPS_CONSENT, tipId)
			.stream()
			.map((record) -> new String(record.value(), StandardCharsets.UTF_8))
			.toList();
	}
}
