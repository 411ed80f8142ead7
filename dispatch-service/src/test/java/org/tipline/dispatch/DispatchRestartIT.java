package org.tipline.dispatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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
import org.tipline.events.TipTriaged;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;
import org.tipline.testing.TestFieldKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Nothing dispatch must remember lives only in memory: a held tip and a failing delivery outlive a restart. */
class DispatchRestartIT {

	static final StubEndpoint endpoint = new StubEndpoint();

	static final AtomicBoolean idahoDown = new AtomicBoolean(true);

	@AfterAll
	static void stopEndpoint() {
		endpoint.close();
	}

	@Test
	void aHeldTipAndAFailingDeliveryBothCompleteAfterARestart() throws Exception {
		endpoint.answer((request) -> (request.path().equals("/states/ID/tips") && idahoDown.get())
				? StubEndpoint.Answer.status(503) : StubEndpoint.Answer.status(202));
		TipTriaged held = PipelineEvents.triaged(ReporterRole.VICTIM, Consent.NOT_ASKED, "WY", Priority.P3);
		TipTriaged failing = PipelineEvents.triaged(ReporterRole.THIRD_PARTY, null, "ID", Priority.P3);

		try (ConfigurableApplicationContext first = startDispatch()) {
			assertThat(operatorApiStatus(first)).as("no operator is configured: dispatch runs, its operator API is shut")
				.isEqualTo(401);
			PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, held.tipId(), held);
			PipelineEvents.publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, failing.tipId(), failing);
			await().atMost(Duration.ofSeconds(60))
				.until(() -> PipelineEvents.read(Topics.TIPS_DECIDED, held.tipId(), TipDecided.class).size() == 1
						&& PipelineEvents.read(Topics.TIPS_DELIVERIES, failing.tipId(), TipDeliveryAttempted.class)
							.stream()
							.anyMatch((a) -> a.outcome() == DeliveryOutcome.FAILED));
		}
		idahoDown.set(false);
		PipelineEvents.publish(Topics.TIPS_CONSENT, EventType.TIP_CONSENT_UPDATED, held.tipId(),
				new TipConsentUpdated(held.tipId(), Consent.GRANTED, Instant.now()));

		try (ConfigurableApplicationContext second = startDispatch()) {
			await().atMost(Duration.ofSeconds(60))
				.until(() -> delivered(held) && delivered(failing));
		}
		assertThat(PipelineEvents.read(Topics.TIPS_DECIDED, held.tipId(), TipDecided.class))
			.extracting(TipDecided::decision)
			.containsExactly(Decision.HOLD_FOR_CONSENT, Decision.FORWARD);
		assertThat(PipelineEvents.read(Topics.TIPS_DELIVERIES, failing.tipId(), TipDeliveryAttempted.class))
			.filteredOn((a) -> a.outcome() == DeliveryOutcome.DELIVERED)
			.hasSize(1);
		assertThat(endpoint.received())
			.filteredOn((r) -> r.path().equals("/states/WY/tips") && r.body().contains(held.tipId().toString()))
			.hasSize(1);
	}

	private static int operatorApiStatus(ConfigurableApplicationContext dispatch) throws Exception {
		URI undelivered = URI.create("http://localhost:" + dispatch.getEnvironment().getProperty("local.server.port")
				+ "/v1/dispatch/undelivered");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(undelivered).build(), HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	/**
	 * Read from what dispatch recorded, not from what the endpoint saw: the endpoint also logs the requests it
	 * refused while it was down.
	 */
	private static boolean delivered(TipTriaged tip) {
		return PipelineEvents.read(Topics.TIPS_DELIVERIES, tip.tipId(), TipDeliveryAttempted.class)
			.stream()
			.anyMatch((a) -> a.outcome() == DeliveryOutcome.DELIVERED);
	}

	private static ConfigurableApplicationContext startDispatch() {
		Map<String, Object> properties = new HashMap<>();
		properties.put("server.port", 0);
		properties.put("spring.kafka.bootstrap-servers", SharedKafka.bootstrapServers());
		properties.put("spring.datasource.url", SharedPostgres.jdbcUrl("dispatch_restart"));
		properties.put("spring.cloud.stream.bindings.decideForwarding-in-0.group", "dispatch-restart");
		properties.put("spring.cloud.stream.bindings.applyConsent-in-0.group", "dispatch-restart");
		properties.put("tipline.dispatch.endpoints.url-template", endpoint.urlTemplate());
		properties.put("tipline.dispatch.endpoints.default-secrets", DispatchIT.SECRET);
		properties.put("tipline.dispatch.outbound.allow-insecure-local-endpoints", true);
		properties.put("tipline.field-encryption.private-keyset-file", TestFieldKeys.privateKeysetFile());
		properties.put("tipline.dispatch.delivery.initial-backoff", "200ms");
		properties.put("tipline.dispatch.delivery.max-backoff", "1s");
		// as command-line arguments, so they count over application.yml as they would in production
		String[] arguments = properties.entrySet().stream().map((p) -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new);
		return new SpringApplicationBuilder(DispatchApplication.class).run(arguments);
	}
}
