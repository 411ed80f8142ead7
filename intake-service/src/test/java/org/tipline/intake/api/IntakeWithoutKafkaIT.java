package org.tipline.intake.api;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.intake.TestAdapters;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:1", "spring.kafka.producer.properties.max.block.ms=1000",
				"spring.kafka.admin.auto-create=false" })
@AutoConfigureWebTestClient
class IntakeWithoutKafkaIT {

	@Autowired
	WebTestClient http;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("intake_without_kafka"));
		TestAdapters.properties().forEach((name, value) -> registry.add(name, () -> value));
		registry.add("tipline.field-encryption.public-keyset-file", TestFieldKeys::publicKeysetFile);
	}

	@Test
	void answers503WithRetryAfterWhenKafkaIsUnreachable() {
		http.post()
			.uri("/v1/tips")
			.headers(TestAdapters.as(TestAdapters.SMS_GATEWAY_KEY))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"channel\":\"CHAT\",\"channelMessageId\":\"c-1\",\"narrative\":\"they took my passport\"}")
			.exchange()
			.expectStatus()
			.isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
			.expectHeader()
			.valueEquals("Retry-After", "5")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}
}
