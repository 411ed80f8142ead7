package org.tipline.local;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import org.tipline.local.TestPipeline.Delivered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as a user runs it: the launcher starts real Kafka (KRaft), real PostgreSQL, the four
 * services and the demo state endpoint as separate JVMs; tips go in over HTTP and are checked at the state
 * endpoints and in the audit log.
 */
class PipelineEndToEndIT {

	private static final List<String> FORWARD_HOPS = List.of("RECEIVED", "TRIAGED", "DECIDED", "DELIVERY_ATTEMPTED",
			"DELIVERED");

	private static final List<String> WITHHOLD_HOPS = List.of("RECEIVED", "TRIAGED", "DECIDED", "WITHHELD");

	private static TestPipeline tipline;

	@BeforeAll
	static void startPipeline() throws Exception {
		tipline = TestPipeline.shared();
	}

	@Test
	void forwardsEachEligibleTipExactlyOnceToItsStateAndWithholdsTheRestOnTheRecord() throws Exception {
		String minor = submit("SMS", "VICTIM", "DECLINED",
				"I am 16 years old and he sells me to men at the truck stop", Map.of("state", "FL"), null);
		String imminent = submit("PHONE", "THIRD_PARTY", null,
				"A man with a gun is moving two women out of the house tonight", null, "+12145550123");
		String thirdParty = submit("WEB", "THIRD_PARTY", "NOT_ASKED",
				"The restaurant workers live above the kitchen and the owner keeps their passports",
				Map.of("zip", "30303"), null);
		String consented = submit("CHAT", "VICTIM", "GRANTED",
				"My boss holds my passport and I owe him a debt I can never pay", Map.of("state", "OH"), null);
		// worded apart from the consented report above, so that triage does not link the two
		String declined = submit("CHAT", "VICTIM", "DECLINED",
				"The cleaning company took my papers and says I must work off what I owe", Map.of("state", "OH"), null);
		String heldForConsent = submit("EMAIL", "VICTIM", "NOT_ASKED",
				"I work at the nail salon without pay and they keep my documents", Map.of("state", "NY"), null);
		String unknownState = submit("WEB", "FAMILY", null,
				"My cousin says her employer will not let her leave the house", null, null);

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(outcomes(heldForConsent, "DECIDED")).containsExactly("HOLD_FOR_CONSENT"));
		giveConsent(heldForConsent, "GRANTED");

		Map<String, String> forwarded = Map.of(minor, "FL", imminent, "TX", thirdParty, "GA", consented, "OH",
				unknownState, "NATIONAL", heldForConsent, "NY");
		forwarded.forEach((tipId, state) -> await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(hops(tipId)).containsSubsequence(FORWARD_HOPS).endsWith("DELIVERED")));
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(hops(declined)).isEqualTo(WITHHOLD_HOPS));

		List<Delivered> deliveries = deliveries();
		forwarded.forEach((tipId, state) -> assertThat(deliveries)
			.filteredOn((delivery) -> delivery.tipId().equals(tipId))
			.as("deliveries of tip %s", tipId)
			.singleElement()
			.satisfies((delivery) -> assertThat(delivery.endpoint()).isEqualTo(state)));
		assertThat(deliveries).extracting(Delivered::tipId).doesNotContain(declined);
		String secret = WebhookSecrets.read(tipline.settings().dataDir().resolve(WebhookSecrets.FILE_NAME));
		// this test's own deliveries only: the suites before it left theirs at the same endpoint, and Standard
		// Webhooks refuses a signature more than five minutes old
		assertThat(deliveries).filteredOn((delivery) -> forwarded.containsKey(delivery.tipId()))
			.hasSize(forwarded.size())
			.allSatisfy((delivery) -> assertThatCode(
				() -> new Webhook(secret).verify(delivery.body(), delivery.signatureHeaders()))
			.as("a state verifies delivery %s with a Standard Webhooks library", delivery.webhookId())
			.doesNotThrowAnyException());

		JsonNode decidedToWithhold = entry(declined, "WITHHELD");
		assertThat(decidedToWithhold.path("outcome").asString()).isEqualTo("VICTIM_DECLINED_CONSENT");
		assertThat(decidedToWithhold.path("details").path("policyVersion").asString()).isNotBlank();
		assertThat(outcomes(heldForConsent, "DECIDED")).containsExactly("HOLD_FOR_CONSENT", "FORWARD");
		assertThat(entry(unknownState, "DECIDED").path("details").path("reasonCode").asString())
			.isEqualTo("NO_JURISDICTION");
		assertThat(entry(imminent, "TRIAGED").path("details").path("priority").asString()).isEqualTo("P1");
		assertThat(entry(minor, "TRIAGED").path("details").path("priority").asString()).isEqualTo("P2");
		assertThat(entry(minor, "DELIVERED").path("details").path("statusCode").asInt()).isEqualTo(202);
		// the intake alert's runbook points at the producers' own error count
		assertThat(metrics(tipline.settings().intakePort())).contains("tipline_intake_tips_received_total{",
				"kafka_producer_record_error_total{");
		assertThat(metrics(tipline.settings().triagePort())).contains("tipline_triage_tips_total{");
		assertThat(metrics(tipline.settings().dispatchPort())).contains("tipline_dispatch_decisions_total{",
				"tipline_delivery_latency_seconds_bucket{");
		assertThat(metrics(tipline.settings().auditPort())).contains("tipline_audit_entries_total{");
	}

	/** A scraper that sends an empty Accept header got a 500 from Spring Boot's endpoint (platform/web). */
	@Test
	void everyServiceAnswersAScrapeWithAnEmptyAcceptHeader() throws Exception {
		for (int port : List.of(tipline.settings().intakePort(), tipline.settings().triagePort(),
				tipline.settings().dispatchPort(), tipline.settings().auditPort())) {
			HttpResponse<String> scrape = tipline.get(port, "/actuator/prometheus", "");
			assertThat(scrape.statusCode()).as("port %d", port).isEqualTo(200);
			assertThat(scrape.body()).as("port %d", port).contains("jvm_memory_used_bytes");
		}
	}

	private static String metrics(int port) throws Exception {
		HttpResponse<String> response = tipline.get(port, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aResubmittedMessageIsOneTipDeliveredOnce() throws Exception {
		String first = submit("SMS", "THIRD_PARTY", null, "Two women sleep in the back of the massage parlor",
				Map.of("state", "GA"), null, "dup-" + tipline.run);
		String again = submit("SMS", "THIRD_PARTY", null, "Two women sleep in the back of the massage parlor",
				Map.of("state", "GA"), null, "dup-" + tipline.run);

		assertThat(again).isEqualTo(first);
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(hops(first)).isEqualTo(FORWARD_HOPS));
		assertThat(deliveries()).filteredOn((delivery) -> delivery.tipId().equals(first)).hasSize(1);
		List<String> traceIds = traceIds(first);
		assertThat(traceIds).as("one trace from the intake request through every hop to the delivery")
			.hasSize(FORWARD_HOPS.size())
			.doesNotContainNull()
			.containsOnly(traceIds.get(0));
	}

	private static String submit(String channel, String role, String consent, String narrative,
			Map<String, String> location, String callerPhone) throws Exception {
		return submit(channel, role, consent, narrative, location, callerPhone, channel + "-" + UUID.randomUUID());
	}

	private static String submit(String channel, String role, String consent, String narrative,
			Map<String, String> location, String callerPhone, String messageId) throws Exception {
		HttpResponse<String> response = tipline.post("/v1/tips",
				TestPipeline.tip(channel, messageId, role, consent, narrative, location, callerPhone));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return TestPipeline.parse(response.body()).path("tipId").asString();
	}

	private static List<String> hops(String tipId) throws Exception {
		return tipline.hops(tipId);
	}

	private static List<String> outcomes(String tipId, String hop) throws Exception {
		return tipline.outcomes(tipId, hop);
	}

	private static JsonNode entry(String tipId, String hop) throws Exception {
		return tipline.entry(tipId, hop);
	}

	private static List<String> traceIds(String tipId) throws Exception {
		return tipline.entries(tipId).stream()
			.map((entry) -> entry.path("details").path("traceId").isString()
					? entry.path("details").path("traceId").asString() : null)
			.toList();
	}

	private static void giveConsent(String tipId, String consent) throws Exception {
		HttpResponse<String> response = tipline.post("/v1/tips/" + tipId + "/consent", Map.of("consent", consent));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	/** Every delivery, checked to carry its delivery id as the Standard Webhooks message id. */
	private static List<Delivered> deliveries() throws Exception {
		List<Delivered> all = tipline.deliveries();
		assertThat(all).allSatisfy((delivery) -> assertThat(TestPipeline.parse(delivery.body()).path("deliveryId")
			.asString()).isEqualTo(delivery.webhookId()));
		return all;
	}
}
