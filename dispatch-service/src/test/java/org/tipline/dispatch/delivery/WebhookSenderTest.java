package org.tipline.dispatch.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class WebhookSenderTest {

	static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString("new-secret-of-32-bytes-for-hmac!".getBytes());

	static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("old-secret-of-32-bytes-for-hmac!".getBytes());

	private final StubEndpoint endpoint = new StubEndpoint();

	private final WebhookSender sender = new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(800),
			JsonMapper.builder().build(), Clock.systemUTC());

	@AfterEach
	void stop() {
		endpoint.close();
	}

	@Test
	void signsSoThatAStandardWebhooksLibraryVerifiesWithEitherSecretDuringRotation() {
		String body = "{\"tipId\":\"t-1\",\"narrative\":\"ünïcode ✓\"}";

		AttemptResult result = sender.send(endpoint.url("/states/FL/tips"), "dlv_1_FL", body, List.of(NEW_SECRET, OLD_SECRET), Map.of());

		assertThat(result.delivered()).isTrue();
		StubEndpoint.Received received = endpoint.received().get(0);
		assertThat(received.body()).isEqualTo(body);
		assertThat(received.header("webhook-id")).isEqualTo("dlv_1_FL");
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(received.header(name)));
		}
		assertThatCode(() -> new Webhook(NEW_SECRET).verify(received.body(), headers)).doesNotThrowAnyException();
		assertThatCode(() -> new Webhook(OLD_SECRET).verify(received.body(), headers)).doesNotThrowAnyException();
	}

	@Test
	void carriesTheTipsTraceContextToTheState() {
		String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

		sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of("traceparent", traceparent));

		assertThat(endpoint.received().get(0).header("traceparent")).isEqualTo(traceparent);
	}

	@Test
	void aTamperedBodyFailsVerification() {
		sender.send(endpoint.url("/states/FL/tips"), "dlv_2_FL", "{\"a\":1}", List.of(NEW_SECRET), Map.of());
		StubEndpoint.Received received = endpoint.received().get(0);
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(received.header(name)));
		}

		assertThatCode(() -> new Webhook(NEW_SECRET).verify("{\"a\":2}", headers)).isInstanceOf(Exception.class);
	}

	@Test
	void keepsTheCaseNumberTheStateAnsweredWith() {
		endpoint.answer((request) -> new StubEndpoint.Answer(201, Map.of("Content-Type", "application/json"),
				"{\"caseNumber\":\"FL-2026-0042\"}", 0));

		assertThat(sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of()).caseNumber()).isEqualTo("FL-2026-0042");
	}

	@Test
	void aServerErrorIsAFailedAttempt() {
		endpoint.answer((request) -> StubEndpoint.Answer.status(500));

		AttemptResult result = sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isEqualTo(500);
	}

	@Test
	void honoursRetryAfterInSecondsOn429() {
		endpoint.answer((request) -> new StubEndpoint.Answer(429, Map.of("Retry-After", "7"), "", 0));

		assertThat(sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of()).retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void honoursRetryAfterAsAnHttpDateOn503() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		endpoint.answer((request) -> new StubEndpoint.Answer(503, Map.of("Retry-After", inAMinute), "", 0));

		Duration retryAfter = sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of()).retryAfter();

		assertThat(retryAfter).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
	}

	@Test
	void goneIsReportedSoTheEndpointCanBeDisabled() {
		endpoint.answer((request) -> StubEndpoint.Answer.status(410));

		assertThat(sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of()).gone()).isTrue();
	}

	@Test
	void aRedirectIsAFailureAndIsNeverFollowed() {
		endpoint.answer((request) -> request.path().equals("/elsewhere") ? StubEndpoint.Answer.status(200)
				: new StubEndpoint.Answer(302, Map.of("Location", endpoint.url("/elsewhere").toString()), "", 0));

		AttemptResult result = sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isEqualTo("redirect not followed");
		assertThat(endpoint.received()).extracting(StubEndpoint.Received::path).containsExactly("/t");
	}

	@Test
	void aSlowEndpointTimesOut() {
		endpoint.answer((request) -> new StubEndpoint.Answer(200, Map.of(), "", 3000));

		AttemptResult result = sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isNull();
		assertThat(result.error()).isNotBlank();
	}

	@Test
	void aRefusedConnectionIsAFailedAttempt() {
		endpoint.close();

		AttemptResult result = sender.send(endpoint.url("/t"), "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isNotBlank();
	}

	@Test
	void ignoresARetryAfterItCannotRead() {
		assertThat(sender.retryAfter("soon")).isNull();
		assertThat(sender.retryAfter("-5")).isEqualTo(Duration.ZERO);
		assertThat(sender.retryAfter(null)).isNull();
	}
}
