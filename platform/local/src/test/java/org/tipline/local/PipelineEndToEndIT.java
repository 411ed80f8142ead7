package org.tipline.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.standardwebhooks.Webhook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.awaitility.Awaitility.await;

/**
 * The whole pipeline as a user runs it: the launcher starts real Kafka (KRaft), real PostgreSQL, the four
 * services and the demo state endpoint as separate JVMs; tips go in over HTTP and are checked at the state
 * endpoints and in the audit log.
 */
class PipelineEndToEndIT {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static final List<String> FORWARD_HOPS = List.of("RECEIVED", "TRIAGED", "DECIDED", "DELIVERY_ATTEMPTED",
			"DELIVERED");

	private static final List<String> WITHHOLD_HOPS = List.of("RECEIVED", "TRIAGED", "DECIDED", "WITHHELD");

	private static final List<String> ENDPOINTS = List.of("FL", "TX", "GA", "OH", "NY", "NATIONAL");

	private static LocalPipeline pipeline;

	private static final String run = UUID.randomUUID().toString().substring(0, 8);

	@BeforeAll
	static void startPipeline() throws Exception {
		Path repository = Path.of("").toAbsolutePath().resolve("../..").normalize();
		LocalSettings defaults = LocalSettings.defaults(repository);
		LocalSettings settings = new LocalSettings(repository,
				Path.of("target", "e2e-" + run).toAbsolutePath(), freePort(), freePort(), freePort(), freePort(),
				freePort(), freePort(), freePort(), freePort(), defaults.serviceJvmOptions(), null);
		pipeline = LocalPipeline.start(settings, System.out);
	}

	@AfterAll
	static void stopPipeline() {
		if (pipeline != null) {
			pipeline.close();
		}
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
		String declined = submit("CHAT", "VICTIM", "DECLINED",
				"My boss holds my passport and I owe him a debt I can never pay", Map.of("state", "OH"), null);
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
		String secret = WebhookSecrets.read(pipeline.settings().dataDir().resolve(WebhookSecrets.FILE_NAME));
		assertThat(deliveries).allSatisfy((delivery) -> assertThatCode(
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
		assertThat(metrics(pipeline.settings().intakePort())).contains("tipline_intake_tips_received_total{");
		assertThat(metrics(pipeline.settings().triagePort())).contains("tipline_triage_tips_total{");
		assertThat(metrics(pipeline.settings().dispatchPort())).contains("tipline_dispatch_decisions_total{",
				"tipline_delivery_latency_seconds_bucket{");
		assertThat(metrics(pipeline.settings().auditPort())).contains("tipline_audit_entries_total{");
	}

	private static String metrics(int port) throws Exception {
		HttpResponse<String> response = get(port, "/actuator/prometheus");
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body();
	}

	@Test
	void aResubmittedMessageIsOneTipDeliveredOnce() throws Exception {
		String first = submit("SMS", "THIRD_PARTY", null, "Two women sleep in the back of the massage parlor",
				Map.of("state", "GA"), null, "dup-" + run);
		String again = submit("SMS", "THIRD_PARTY", null, "Two women sleep in the back of the massage parlor",
				Map.of("state", "GA"), null, "dup-" + run);

		assertThat(again).isEqualTo(first);
		await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(hops(first)).isEqualTo(FORWARD_HOPS));
		assertThat(deliveries()).filteredOn((delivery) -> delivery.tipId().equals(first)).hasSize(1);
		List<String> traceIds = traceIds(first);
		assertThat(traceIds).as("one trace from the intake request through every hop to the delivery")
			.hasSize(FORWARD_HOPS.size())
			.doesNotContainNull()
			.containsOnly(traceIds.get(0));
	}

	private record Delivered(String endpoint, String tipId, String webhookId, String body,
			Map<String, List<String>> signatureHeaders) {
	}

	private static String submit(String channel, String role, String consent, String narrative,
			Map<String, String> location, String callerPhone) throws Exception {
		return submit(channel, role, consent, narrative, location, callerPhone, channel + "-" + UUID.randomUUID());
	}

	private static String submit(String channel, String role, String consent, String narrative,
			Map<String, String> location, String callerPhone, String messageId) throws Exception {
		Map<String, Object> reporter = new java.util.HashMap<>();
		reporter.put("role", role);
		if (consent != null) {
			reporter.put("consentToLawEnforcement", consent);
		}
		Map<String, Object> tip = new java.util.HashMap<>(Map.of("channel", channel, "channelMessageId", messageId,
				"language", "en", "reporter", reporter, "narrative", narrative));
		if (location != null) {
			tip.put("location", location);
		}
		if (callerPhone != null) {
			tip.put("callerPhone", callerPhone);
		}
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(pipeline.settings().intakePort(), "/v1/tips"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(tip)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return json.readTree(response.body()).path("tipId").asString();
	}

	private static List<String> hops(String tipId) throws Exception {
		HttpResponse<String> response = get(pipeline.settings().auditPort(), "/v1/audit/tips/" + tipId);
		List<String> hops = new ArrayList<>();
		if (response.statusCode() == 200) {
			json.readTree(response.body()).path("entries").forEach((entry) -> hops.add(entry.path("hop").asString()));
		}
		return hops;
	}

	private static List<String> outcomes(String tipId, String hop) throws Exception {
		HttpResponse<String> response = get(pipeline.settings().auditPort(), "/v1/audit/tips/" + tipId);
		List<String> outcomes = new ArrayList<>();
		if (response.statusCode() == 200) {
			json.readTree(response.body()).path("entries").forEach((entry) -> {
				if (hop.equals(entry.path("hop").asString())) {
					outcomes.add(entry.path("outcome").asString());
				}
			});
		}
		return outcomes;
	}

	private static List<String> traceIds(String tipId) throws Exception {
		List<String> traceIds = new ArrayList<>();
		json.readTree(get(pipeline.settings().auditPort(), "/v1/audit/tips/" + tipId).body())
			.path("entries")
			.forEach((entry) -> traceIds.add(entry.path("details").path("traceId").isString()
					? entry.path("details").path("traceId").asString() : null));
		return traceIds;
	}

	private static void giveConsent(String tipId, String consent) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(uri(pipeline.settings().intakePort(), "/v1/tips/" + tipId + "/consent"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"consent\":\"" + consent + "\"}"))
					.build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
	}

	private static JsonNode entry(String tipId, String hop) throws Exception {
		JsonNode entries = json.readTree(get(pipeline.settings().auditPort(), "/v1/audit/tips/" + tipId).body())
			.path("entries");
		for (JsonNode entry : entries) {
			if (hop.equals(entry.path("hop").asString())) {
				return entry;
			}
		}
		throw new AssertionError("tip " + tipId + " has no " + hop + " entry: " + entries);
	}

	private static List<Delivered> deliveries() throws Exception {
		List<Delivered> all = new ArrayList<>();
		for (String endpoint : ENDPOINTS) {
			HttpResponse<String> response = get(pipeline.settings().stateEndpointPort(), "/states/" + endpoint + "/tips");
			assertThat(response.statusCode()).isEqualTo(200);
			for (JsonNode delivery : json.readTree(response.body())) {
				JsonNode body = json.readTree(delivery.path("body").asString());
				String webhookId = delivery.path("headers").path("webhook-id").asString();
				assertThat(webhookId).isEqualTo(body.path("deliveryId").asString());
				Map<String, List<String>> signature = new java.util.HashMap<>();
				for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
					signature.put(name, List.of(delivery.path("headers").path(name).asString()));
				}
				all.add(new Delivered(endpoint, body.path("tipId").asString(), webhookId,
						delivery.path("body").asString(), signature));
			}
		}
		return all;
	}

	private static HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
