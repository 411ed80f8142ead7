package org.tipline.intake.adapter;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.intake.RunningIntake;
import org.tipline.intake.TestAdapters;
import org.tipline.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

@RunningIntake
class AdapterAuthenticationIT {

	private static final String TIP = """
			{"channel":"WEB","channelMessageId":"%s","narrative":"a man holds the workers' passports"}""";

	@Autowired
	WebTestClient http;

	@Autowired
	LoggingSystem logging;

	@LocalServerPort
	int port;

	@Test
	void refusesATipWithoutAKey() {
		String problem = submit(null).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem).contains("\"status\":401");
	}

	@Test
	void refusesAKeyIntakeDoesNotKnowWithoutRepeatingIt() {
		String unknown = ApiKeys.generate();

		String problem = submit("Bearer " + unknown).expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();

		assertThat(problem).doesNotContain(unknown.substring(4));
	}

	@Test
	void refusesTheKeyPresentedOtherwiseThanAsABearerToken() {
		submit("Basic " + TestAdapters.SMS_GATEWAY_KEY).expectStatus().isUnauthorized();
		submit(TestAdapters.SMS_GATEWAY_KEY).expectStatus().isUnauthorized();
		submit("Bearer " + ApiKeys.sha256Hex(TestAdapters.SMS_GATEWAY_KEY)).expectStatus().isUnauthorized();
	}

	@Test
	void acceptsATipWithTheAdaptersKey() {
		submit("Bearer " + TestAdapters.SMS_GATEWAY_KEY).expectStatus().isAccepted();
	}

	@Test
	void guardsEveryPathButTheActuatorsBeforeTheRequestIsRead() {
		http.get().uri("/v1/tips/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
		http.post().uri("/v1/tips/{id}/consent", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
		http.get().uri("/no-such-page").exchange().expectStatus().isUnauthorized();
		http.post()
			.uri("/v1/tips")
			.contentType(MediaType.TEXT_PLAIN)
			.bodyValue("not even JSON")
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void theOpenActuatorPathLeadsNowhereElse() {
		for (String path : List.of("/actuator/../v1/tips", "/actuator/%2e%2e/v1/tips", "/actuator/..;/v1/tips")) {
			http.post()
				.uri(URI.create("http://localhost:" + port + path))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(TIP.formatted(UUID.randomUUID()))
				.exchange()
				.expectStatus()
				.isNotFound();
		}
	}

	@Test
	void leavesHealthAndMetricsOpen() {
		http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void neverLogsAKeyEvenWhenTheWebLayerLogsEveryRequest(CapturedOutput output) {
		String unknown = ApiKeys.generate();
		logging.setLogLevel("org.springframework.web", LogLevel.TRACE);
		logging.setLogLevel("reactor.netty", LogLevel.DEBUG);
		try {
			submit("Bearer " + TestAdapters.SMS_GATEWAY_KEY).expectStatus().isAccepted();
			submit("Bearer " + unknown).expectStatus().isUnauthorized();
		}
		finally {
			logging.setLogLevel("org.springframework.web", null);
			logging.setLogLevel("reactor.netty", null);
		}

		assertThat(output.getAll()).contains("/v1/tips")
			.doesNotContain(TestAdapters.SMS_GATEWAY_KEY.substring(4), unknown.substring(4));
	}

	private WebTestClient.ResponseSpec submit(String authorization) {
		return http.post()
			.uri("/v1/tips")
			.headers((headers) -> {
				if (authorization != null) {
					headers.set(HttpHeaders.AUTHORIZATION, authorization);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(TIP.formatted(UUID.randomUUID()))
			.exchange();
	}
}
