package org.tipline.dispatch.delivery;

import java.net.InetSocketAddress;
import java.net.URI;
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
import io.netty.channel.ChannelFuture;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.resolver.AddressResolverGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.tipline.dispatch.endpoint.EndpointTls;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

@ExtendWith(OutputCaptureExtension.class)
class WebhookSenderTest {

	static final String NEW_SECRET = "whsec_" + Base64.getEncoder().encodeToString("new-secret-of-32-bytes-for-hmac!".getBytes());

	static final String OLD_SECRET = "whsec_" + Base64.getEncoder().encodeToString("old-secret-of-32-bytes-for-hmac!".getBytes());

	private final StubEndpoint endpoint = new StubEndpoint();

	private final WebhookSender sender = localMode(null);

	@AfterEach
	void stop() {
		sender.close();
		endpoint.close();
	}

	/** Endpoints of these tests run on this machine, which only local mode lets a sender reach. */
	static WebhookSender localMode(AddressResolverGroup<?> resolver) {
		return new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(800), 4, false, resolver,
				JsonMapper.builder().build(), Clock.systemUTC());
	}

	static WebhookSender publicAddressesOnly(AddressResolverGroup<?> resolver) {
		return new WebhookSender(Duration.ofSeconds(2), Duration.ofMillis(800), 4, true, resolver,
				JsonMapper.builder().build(), Clock.systemUTC());
	}

	@Test
	void signsSoThatAStandardWebhooksLibraryVerifiesWithEitherSecretDuringRotation() {
		String body = "{\"tipId\":\"t-1\",\"narrative\":\"ünïcode ✓\"}";

		AttemptResult result = sender.send(endpoint.url("/states/FL/tips"), EndpointTls.NONE, "dlv_1_FL", body, List.of(NEW_SECRET, OLD_SECRET), Map.of());

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

		sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of("traceparent", traceparent));

		assertThat(endpoint.received().get(0).header("traceparent")).isEqualTo(traceparent);
	}

	@Test
	void aTamperedBodyFailsVerification() {
		sender.send(endpoint.url("/states/FL/tips"), EndpointTls.NONE, "dlv_2_FL", "{\"a\":1}", List.of(NEW_SECRET), Map.of());
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

		assertThat(sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).caseNumber()).isEqualTo("FL-2026-0042");
	}

	@Test
	void aServerErrorIsAFailedAttempt() {
		endpoint.answer((request) -> StubEndpoint.Answer.status(500));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isEqualTo(500);
	}

	@Test
	void honoursRetryAfterInSecondsOn429() {
		endpoint.answer((request) -> new StubEndpoint.Answer(429, Map.of("Retry-After", "7"), "", 0));

		assertThat(sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).retryAfter()).isEqualTo(Duration.ofSeconds(7));
	}

	@Test
	void honoursRetryAfterAsAnHttpDateOn503() {
		String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		endpoint.answer((request) -> new StubEndpoint.Answer(503, Map.of("Retry-After", inAMinute), "", 0));

		Duration retryAfter = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).retryAfter();

		assertThat(retryAfter).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
	}

	@Test
	void goneIsReportedSoTheEndpointCanBeDisabled() {
		endpoint.answer((request) -> StubEndpoint.Answer.status(410));

		assertThat(sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).gone()).isTrue();
	}

	@Test
	void aRedirectIsAFailureAndIsNeverFollowed() {
		endpoint.answer((request) -> request.path().equals("/elsewhere") ? StubEndpoint.Answer.status(200)
				: new StubEndpoint.Answer(302, Map.of("Location", endpoint.url("/elsewhere").toString()), "", 0));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isEqualTo("redirect not followed");
		assertThat(endpoint.received()).extracting(StubEndpoint.Received::path).containsExactly("/t");
	}

	@Test
	void aSlowEndpointTimesOut() {
		endpoint.answer((request) -> new StubEndpoint.Answer(200, Map.of(), "", 3000));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isNull();
		assertThat(result.error()).isNotBlank();
	}

	@Test
	void aRefusedConnectionIsAFailedAttempt() {
		endpoint.close();

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isNotBlank();
	}

	@Test
	void ignoresARetryAfterItCannotRead() {
		assertThat(sender.retryAfter("soon")).isNull();
		assertThat(sender.retryAfter("-5")).isEqualTo(Duration.ZERO);
		assertThat(sender.retryAfter(null)).isNull();
	}

	@Test
	void aReplyOverTheSizeCapFailsTheAttemptAndIsNeverLogged(CapturedOutput output) {
		String reply = "{\"caseNumber\":\"FL-1\",\"secret\":\"" + "x".repeat(WebhookSender.MAX_REPLY_BYTES) + "\"}";
		endpoint.answer((request) -> new StubEndpoint.Answer(200, Map.of(), reply, 0));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.status()).isEqualTo(200);
		assertThat(result.error()).isEqualTo("reply over 65536 bytes");
		assertThat(result.caseNumber()).isNull();
		assertThat(output).contains("answered 200 with a reply over 65536 bytes").doesNotContain("xxxxxxxx");
	}

	@Test
	void aStreamedReplyIsCutOffAtTheSizeCap() {
		String reply = "y".repeat(WebhookSender.MAX_REPLY_BYTES + 1);
		endpoint.answer((request) -> new StubEndpoint.Answer(202, Map.of(), reply, 0, true));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isFalse();
		assertThat(result.error()).isEqualTo("reply over 65536 bytes");
		endpoint.answer((request) -> StubEndpoint.Answer.status(202));
		assertThat(sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).delivered())
			.as("the next attempt gets a connection of its own")
			.isTrue();
	}

	@Test
	void aReplyOfExactlyTheSizeCapIsReadForItsCaseNumber() {
		String start = "{\"caseNumber\":\"FL-7\",\"padding\":\"";
		String reply = start + "z".repeat(WebhookSender.MAX_REPLY_BYTES - start.length() - 2) + "\"}";
		endpoint.answer((request) -> new StubEndpoint.Answer(201, Map.of(), reply, 0, true));

		AttemptResult result = sender.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

		assertThat(result.delivered()).isTrue();
		assertThat(result.caseNumber()).isEqualTo("FL-7");
	}

	@Test
	void refusesAnEndpointOnThisMachineOutsideLocalMode() {
		try (WebhookSender strict = publicAddressesOnly(null)) {
			AttemptResult result = strict.send(endpoint.url("/t"), EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET),
					Map.of());

			assertThat(result.delivered()).isFalse();
			assertThat(result.status()).isNull();
			assertThat(result.error()).contains("127.0.0.1", "a loopback address");
		}
		assertThat(endpoint.received()).isEmpty();
	}

	@Test
	void refusesAHostNameThatResolvesInwardsWhenItConnects() throws Exception {
		// a state's name that resolved to a public address at start and points at this machine now
		AddressResolverGroup<?> rebound = FixedAddresses.of("tips.fl.example", "127.0.0.1");
		URI url = URI.create("http://tips.fl.example:" + endpoint.url("/").getPort() + "/states/FL/tips");

		try (WebhookSender strict = publicAddressesOnly(rebound)) {
			AttemptResult result = strict.send(url, EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of());

			assertThat(result.delivered()).isFalse();
			assertThat(result.error()).contains("tips.fl.example at 127.0.0.1", "a loopback address");
		}
		assertThat(endpoint.received()).isEmpty();
		try (WebhookSender local = localMode(rebound)) {
			assertThat(local.send(url, EndpointTls.NONE, "d", "{}", List.of(NEW_SECRET), Map.of()).delivered())
				.as("the same name is reached in local mode, so the rule is what refused it")
				.isTrue();
		}
	}

	@Test
	void theCloudMetadataAddressGetsNoConnectionNorAnyPacket() {
		// an embedded channel: the connect is refused in the pipeline, and would go nowhere past it either
		EmbeddedChannel channel = new EmbeddedChannel(WebhookSender.PublicAddressesOnly.INSTANCE);

		ChannelFuture connect = channel.connect(new InetSocketAddress("169.254.169.254", 80));

		assertThat(connect.cause()).isInstanceOf(WebhookSender.RefusedAddress.class)
			.hasMessageContaining("169.254.169.254, a link-local address");
	}
}
