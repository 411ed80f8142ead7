package org.tipline.intake.operations;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.intake.RunningIntake;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever Accept header a scraper sends, even an empty one, the metrics endpoint is not a server error. */
@RunningIntake
class MetricsScrapeIT {

	@Autowired
	WebTestClient http;

	@Test
	void aScrapeWithAnEmptyOrMalformedAcceptHeaderIsNotAServerError() {
		for (String accept : List.of("garbage", "text/plain;;;", "/", "*/*;q=", "a/b c/d",
				"application/json", "application/xml", "application/problem+json", "image/png;q=0", "")) {
			int status = http.get()
				.uri("/actuator/prometheus")
				.header(HttpHeaders.ACCEPT, accept)
				.exchange()
				.returnResult(String.class)
				.getStatus()
				.value();
			assertThat(status).as("Accept: %s", accept).isLessThan(500);
		}
	}
}
