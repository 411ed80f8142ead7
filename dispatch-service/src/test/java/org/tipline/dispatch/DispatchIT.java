package org.tipline.dispatch;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.dispatch.delivery.StubEndpoint;
import org.tipline.events.Consent;
import org.tipline.events.Decision;
import org.tipline.events.DeliveryOutcome;
import org.tipline.events.EventType;
import org.tipline.events.Priority;
import org.tipline.events.ReporterRole;
import org.tipline.events.TipConsentUpdated;
import org.tipline.events.TipDecided;
import org.tipline.events.TipDeliveryAttempted;
import org.tipline.events.TipId;
import org.tipline.events.TipReplayed;
import org.tipline.events.TipSlaBreached;
import org.tipline.events.TipTriaged;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import org.tipline.security.ApiKeys;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tipline.dispatch.policy.file=classpath:test-forwarding-policy.yml",
				"tipline.dispatch.delivery.concurrency=1", "tipline.dispatch.delivery.initial-backoff=200ms",
				"tipline.dispatch.delivery.max-backoff=1s", "tipline.dispatch.delivery.poll-interval=100ms",
				"tipline.dispatch.delivery.circuit-breaker-failures=1000",
				"tipline.dispatch.endpoints.default-secrets=" + DispatchIT.SECRET,
				"tipline.dispatch.outbound.allow-insecure-local-endpoints=true" })
@AutoConfigureWebTestClient
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class DispatchIT {

	static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	static final String OPERATOR_KEY = ApiKeys.generate();

	static final StubEndpoint endpoint = new StubEndpoint();

	static final AtomicBoolean nevadaDown = new AtomicBoolean(true);

	static final AtomicBoolean utahGone = new AtomicBoolean(true);

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcClient jdbc;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("dispatch"));
		registry.add("tipline.field-encryption.private-keyset-file", TestFieldKeys::privateKeysetFile);
		registry.add("tipline.dispatch.endpoints.url-template", endpoint::urlTemplate);
		registry.add("tipline.dispatch.endpoints.escalation.NV", () -> endpoint.url("/escalation/NV").toString());
		registry.add("tipline.dispatch.operators.on-call.key-sha256", () -> ApiKeys.sha256Hex(OPERATOR_KEY));
		endpoint.answer((request) -> {
			if (request.path().equals("/states/NV/tips") && nevadaDown.get()) {
				return StubEndpoint.Answer.status(500);
			}
			if (request.path().equals("/states/UT/tips") && utahGone.get()) {
				return StubEndpoint.Answer.status(410);
			}
			String caseNumber = request.path().split("/")[2] + "-" + request.header("webhook-id").hashCode();
			return new StubEndpoint.Answer(202, Map.of("Content-Type", "application/json"),
					"{\"caseNumber\":\"" + caseNumber + "\"}", 0);
		});
	}

	@AfterAll
	static void stopEndpoint() {
		endpoint.close();
	}

	@Test
	void emptiesTheOutboxOfAnnouncedDecisionsWithoutAnnouncingThemAgain() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "WA", Priority.P3);
		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class).size() == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM outbox WHERE tip_id = ?")
				.param(tip.tipId().value())
				.query(Long.class)
				.single() == 0);
		assertThat(PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class)).hasSize(1);
	}

	@Test
	void deliversAForwardedTipSignedWithAStableIdAndAnnouncesEveryStep() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "FL", Priority.P3);
		String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip,
				Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(tip, "FL").size() == 1);
		StubEndpoint.Received delivery = deliveriesOf(tip, "FL").get(0);
		Map<String, List<String>> headers = new HashMap<>();
		for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
			headers.put(name, List.of(delivery.header(name)));
		}
		assertThatCode(() -> new Webhook(SECRET).verify(delivery.body(), headers)).doesNotThrowAnyException();
		JsonNode body = PipelineEvents.json.readTree(delivery.body());
		assertThat(body.path("deliveryId").asString()).isEqualTo(delivery.header("webhook-id"));
		assertThat(body.path("decision").path("policyVersion").asString()).isEqualTo("test-policy@3");
		assertThat(body.path("tip").path("callerPhone").asString()).isEqualTo("+13055550100");
		assertThat(delivery.header("traceparent")).as("the delivery continues the tip's trace")
			.startsWith("00-" + traceId + "-");

		List<TipDecided> decided = PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class);
		assertThat(decided).singleElement().satisfies((d) -> {
			assertThat(d.decision()).isEqualTo(Decision.FORWARD);
			assertThat(d.deadline()).isEqualTo(tip.tip().receivedAt().plus(Duration.ofHours(24)));
		});
		List<TipDeliveryAttempted> attempts = PipelineEvents.read(Topics.TIPS_DELIVERIES, tip.tipId(),
				TipDeliveryAttempted.class);
		assertThat(attempts).singleElement().satisfies((a) -> {
			assertThat(a.outcome()).isEqualTo(DeliveryOutcome.DELIVERED);
			assertThat(a.statusCode()).isEqualTo(202);
			assertThat(a.stateCaseNumber()).startsWith("FL-");
			assertThat(a.deliveryId()).isEqualTo(delivery.header("webhook-id"));
		});
		String metrics = http.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
		assertThat(metrics).contains("tipline_dispatch_decisions_total{", "tipline_dispatch_delivery_attempts_total{",
				"tipline_dispatch_held_tips", "tipline_dispatch_undelivered_tips", "tipline_dispatch_endpoints_disabled",
				"tipline_dispatch_dead_letters")
			.containsPattern("tipline_delivery_latency_seconds_bucket\\{(?=[^}]*le=\"900.0\")(?=[^}]*state=\"FL\")(?=[^}]*priority=\"P3\")");
	}

	@Test
	void theSameTriagedTipConsumedTwiceIsDecidedAndDeliveredOnce() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.FAMILY, null, "GA", Priority.P3);

		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);
		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(tip, "GA").size() == 1);
		await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
		assertThat(deliveriesOf(tip, "GA")).hasSize(1);
		assertThat(PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class)).hasSize(1);
	}

	@Test
	void holdsAVictimsSelfReportUntilSheConsentsThenDelivers() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.VICTIM, Consent.NOT_ASKED, "OH", Priority.P3);
		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class).size() == 1);
		assertThat(deliveriesOf(tip, "OH")).isEmpty();

		PipelineEvents.publish(Topics.TIPS_CONSENT, EventType.TIP_CONSENT_UPDATED, tip.tipId(),
				new TipConsentUpdated(tip.tipId(), Consent.GRANTED, Instant.now()));

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(tip, "OH").size() == 1);
		assertThat(PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class))
			.extracting(TipDecided::decision, TipDecided::reasonCode)
			.containsExactly(tuple(Decision.HOLD_FOR_CONSENT, "AWAITING_VICTIM_CONSENT"),
					tuple(Decision.FORWARD, "VICTIM_CONSENTED"));
	}

	@Test
	void withholdsADeclinedSelfReportOnTheRecordAndSendsNothing() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.VICTIM, Consent.DECLINED, "TN", Priority.P3);

		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class).size() == 1);
		TipDecided decided = PipelineEvents.read(Topics.TIPS_DECIDED, tip.tipId(), TipDecided.class).get(0);
		assertThat(decided.decision()).isEqualTo(Decision.WITHHOLD);
		assertThat(decided.reasonCode()).isEqualTo("VICTIM_DECLINED_CONSENT");
		assertThat(decided.rule()).isEqualTo("victim-consent-declined");
		assertThat(deliveriesOf(tip, "TN")).isEmpty();
	}

	@Test
	void keepsRetryingPastTheDeadlineRaisesOneBreachAndEscalates() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "NV", Priority.P3);

		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_BREACHES, tip.tipId(), TipSlaBreached.class).size() == 1);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> endpoint.received().stream().anyMatch((r) -> r.path().equals("/escalation/NV")
					&& r.body().contains(tip.tipId().toString())));
		assertThat(deliveriesOf(tip, "NV")).hasSizeGreaterThan(1);
		nevadaDown.set(false);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_DELIVERIES, tip.tipId(), TipDeliveryAttempted.class)
				.stream()
				.anyMatch((a) -> a.outcome() == DeliveryOutcome.DELIVERED && a.endpoint().equals("NV")));
		assertThat(PipelineEvents.read(Topics.TIPS_BREACHES, tip.tipId(), TipSlaBreached.class)).singleElement()
			.satisfies((breach) -> assertThat(breach.deadline())
				.isCloseTo(tip.tip().receivedAt().plusSeconds(2), within(1, ChronoUnit.MILLIS)));
		assertThat(deliveriesOf(tip, "NV")).extracting((r) -> r.header("webhook-id")).containsOnly(
				deliveriesOf(tip, "NV").get(0).header("webhook-id"));
	}

	@Test
	void goneDisablesTheEndpointAndItsQueueIsServedEarliestDeadlineFirstOnceEnabled() {
		TipTriaged first = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "UT", Priority.P4);
		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, first.tipId(), first);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> operator().get().uri("/v1/dispatch/endpoints").exchange().expectBody()
				.jsonPath("$.disabled[?(@.endpoint == 'UT')].reason").isEqualTo(List.of("410 Gone")));
		utahGone.set(false);
		TipTriaged p3 = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "UT", Priority.P3);
		TipTriaged p1 = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "UT", Priority.P1);
		TipTriaged p2 = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "UT", Priority.P2);
		for (TipTriaged tip : List.of(p3, p1, p2)) {
			PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);
		}
		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_DECIDED, p2.tipId(), TipDecided.class).size() == 1);
		await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
		assertThat(deliveriesOf(p1, "UT")).as("nothing is sent to a disabled endpoint").isEmpty();

		operator().post().uri("/v1/dispatch/endpoints/UT/enable").exchange().expectStatus().isOk();

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(first, "UT").size() == 2);
		List<String> order = endpoint.received()
			.stream()
			.filter((r) -> r.path().equals("/states/UT/tips"))
			.skip(1)
			.map((r) -> PipelineEvents.json.readTree(r.body()).path("priority").asString())
			.toList();
		assertThat(order).containsExactly("P1", "P2", "P3", "P4");
	}

	@Test
	void listsARecordItCouldNotDecideAndReplaysItOnTheRecord(CapturedOutput output) {
		TipId poisoned = new TipId(java.util.UUID.randomUUID());
		PipelineEvents.publishRaw(Topics.TIPS_TRIAGED, poisoned, "{\"tipId\": \"" + poisoned + "\", \"tip\": 42}");

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> operator().get()
				.uri("/v1/dispatch/dead-letters")
				.exchange()
				.expectBody()
				.jsonPath("$[?(@.tipId == '" + poisoned + "')].originalTopic")
				.isEqualTo(List.of(Topics.TIPS_TRIAGED)));
		String listing = operator().get().uri("/v1/dispatch/dead-letters").exchange().expectBody(String.class).returnResult()
			.getResponseBody();
		assertThat(listing).as("a dead letter is listed by where it is and why, never by its content")
			.doesNotContain("\"tip\": 42");

		operator().post()
			.uri("/v1/dispatch/replay")
			.bodyValue(Map.of("tipId", poisoned.toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deadLetters[0].tipId")
			.isEqualTo(poisoned.toString());

		await().atMost(Duration.ofSeconds(30))
			.until(() -> PipelineEvents.read(Topics.TIPS_REPLAYS, poisoned, TipReplayed.class)
				.stream()
				.anyMatch((replayed) -> replayed.what().equals("DEAD_LETTER") && "on-call".equals(replayed.operator())));
		assertThat(output).as("who replayed is on the record, never their key")
			.contains("Operator on-call replayed tip " + poisoned + ": DEAD_LETTER")
			.doesNotContain(OPERATOR_KEY);
	}

	@Test
	void replayMakesAnUndeliveredTipDueNowAndLeavesDeliveredOnesAlone() {
		TipTriaged tip = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "AZ", Priority.P3);
		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);
		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(tip, "AZ").size() == 1);

		operator().post()
			.uri("/v1/dispatch/replay")
			.bodyValue(Map.of("tipId", tip.tipId().toString()))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.deliveries.length()")
			.isEqualTo(0);
		operator().post()
			.uri("/v1/dispatch/replay")
			.bodyValue(Map.of("state", "florida"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		assertThat(deliveriesOf(tip, "AZ")).as("a delivered tip is not sent again").hasSize(1);
	}

	@Test
	void aDeclinedSelfReportTheStateForwardsRedactedArrivesWithoutTheVictimsContactDetails() {
		TipTriaged tip = PipelineEvents.triagedWithPersonalDetails(ReporterRole.VICTIM, Consent.DECLINED, "KS",
				Priority.P3);

		PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, tip.tipId(), tip);

		await().atMost(Duration.ofSeconds(30)).until(() -> deliveriesOf(tip, "KS").size() == 1);
		String delivered = deliveriesOf(tip, "KS").get(0).body();
		assertThat(delivered).as("what the policy's redact list names")
			.doesNotContain("+13055550101", "reporter@example.org", "+13055550199", "12 Hidden Lane")
			.as("what it does not name")
			.contains("kept at the motel by the highway", "Wichita", "67202", "37.6872", "-97.3301");
		JsonNode body = PipelineEvents.json.readTree(delivered);
		assertThat(body.path("decision").path("decision").asString()).isEqualTo("FORWARD_REDACTED");
		assertThat(body.path("redacted").values()).extracting(JsonNode::asString)
			.containsExactly("reporter.contact", "callerPhone", "location.address");
	}

	@Test
	void theOperatorApiAnswersOnlyOperatorsAndTheActuatorAnyone() {
		String wrongKey = ApiKeys.generate();

		http.get().uri("/v1/dispatch/undelivered").exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"tipline-dispatch\"")
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.instance").isEqualTo("/v1/dispatch/undelivered");
		String refused = http.post().uri("/v1/dispatch/replay").header("Authorization", "Bearer " + wrongKey)
			.bodyValue(Map.of("state", "FL")).exchange()
			.expectStatus().isUnauthorized()
			.expectBody(String.class).returnResult().getResponseBody();
		assertThat(refused).doesNotContain(wrongKey);
		http.get().uri(URI.create("http://localhost:" + port + "/v1/%64ispatch/undelivered")).exchange()
			.expectStatus().isUnauthorized();
		http.get().uri("/actuator/health").exchange().expectStatus().isOk();
		operator().get().uri("/v1/dispatch/undelivered").exchange().expectStatus().isOk();
	}

	/** The operator API as the on-call operator calls it. */
	private WebTestClient operator() {
		return http.mutate().defaultHeader("Authorization", "Bearer " + OPERATOR_KEY).build();
	}

	private static List<StubEndpoint.Received> deliveriesOf(TipTriaged tip, String state) {
		return endpoint.received()
			.stream()
			.filter((r) -> r.path().equals("/states/" + state + "/tips") && r.body().contains(tip.tipId().toString()))
			.toList();
	}
}
