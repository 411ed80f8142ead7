package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ConsentIT {

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("intake"));
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
