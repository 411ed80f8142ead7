package org.tipline.intake.adapter;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;

import static org.assertj.core.api.Assertions.assertThat;

@RunningIntake
class RateLimitIT {

	@Autowired
	WebTestClient http;

	@Test
	void anAdapterOverItsRateIsToldWhenToRetryWhileAnotherIsServed() {
		EntityExchangeResult<String> limited = null;
		for (int request = 0; request < 20 && limited == null; request++) {
			EntityExchangeResult<String> answer = lookUp(TestAdapters.SLOW_GATEWAY_KEY);
			if (answer.getStatus().isSameCodeAs(HttpStatus.TOO_MANY_REQUESTS)) {
				limited = answer;
			}
		}

		assertThat(limited).as("slow-gateway allows 3 requests and then one every 5 s").isNotNull();
		assertThat(Long.parseLong(limited.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 5L);
		assertThat(limited.getResponseHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(limited.getResponseBody()).contains("\"status\":429");

		assertThat(lookUp(TestAdapters.SLOW_GATEWAY_KEY).getStatus()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		for (int request = 0; request < 20; request++) {
			assertThat(lookUp(TestAdapters.WEB_FORM_KEY).getStatus()).isEqualTo(HttpStatus.NOT_FOUND);
		}
	}

	/** A cheap request that touches neither Kafka nor a tip: any tip id, which is no tip of the adapter. */
	private EntityExchangeResult<String> lookUp(String key) {
		return http.get()
			.uri("/v1/tips/{id}", UUID.randomUUID())
			.headers(TestAdapters.as(key))
			.exchange()
			.expectBody(String.class)
			.returnResult();
	}
}
