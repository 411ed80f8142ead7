package org.tipline.audit.oversight;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A run of tips through the pipeline in March 2025 whose outcomes the test chooses, published to the real topics;
 * every expected count and percentile is computed here from the plan, not taken from the service.
 */
class OversightIT extends AuditServiceTest {

	private static final Instant MARCH = Instant.parse("2025-03-01T00:00:00Z");

	private static final String PERIOD = "from=2025-03-01T00:00:00Z&to=2025-04-01T00:00:00Z";

	/** One planned tip: {@code latencyMinutes} null means never delivered. */
	record Plan(UUID tip, String state, String priority, Instant receivedAt, String decision, String reason,
			Integer latencyMinutes, boolean deadLettered, boolean triaged) {

		Instant deadline() {
			return forwards() ? receivedAt.plus(Duration.ofMinutes("P1".equals(priority) ? 60 : 240)) : null;
		}

		boolean forwards() {
			return decision != null && decision.startsWith("FORWARD");
		}

		Instant deliveredAt() {
			return (latencyMinutes == null) ? null : receivedAt.plus(Duration.ofMinutes(latencyMinutes));
		}

		boolean breached() {
			return forwards() && (deliveredAt() == null || deliveredAt().isAfter(deadline()));
		}
	}

	static final List<Plan> PLANS = new ArrayList<>();

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@BeforeAll
	static void publishTheRun() {
		Random random = new Random(20250301);
		Instant at = MARCH.plus(Duration.ofHours(1));
		for (String state : List.of("OH", "TX")) {
			for (String priority : List.of("P1", "P2")) {
				for (int i = 0; i < 12; i++) {
					at = at.plus(Duration.ofMinutes(37));
					String decision = (i % 4 == 3) ? "FORWARD_REDACTED" : "FORWARD";
					Integer latency = (i == 11) ? null : 1 + random.nextInt(300);
					PLANS.add(new Plan(UUID.randomUUID(), state, priority, at, decision, "REPORTER_NOT_VICTIM", latency,
							false, true));
				}
			}
			at = at.plus(Duration.ofMinutes(11));
			PLANS.add(new Plan(UUID.randomUUID(), state, "P3", at, "WITHHOLD", "VICTIM_DECLINED_CONSENT", null, false, true));
			PLANS.add(new Plan(UUID.randomUUID(), state, "P3", at.plusSeconds(1), "WITHHOLD", "VICTIM_DECLINED_CONSENT",
					null, false, true));
			PLANS.add(new Plan(UUID.randomUUID(), state, "P4", at.plusSeconds(2), "WITHHOLD", "VICTIM_CONSENT_NOT_GIVEN",
					null, false, true));
			PLANS.add(new Plan(UUID.randomUUID(), state, "P3", at.plusSeconds(3), "HOLD_FOR_CONSENT",
					"VICTIM_CONSENT_NOT_GIVEN", null, false, true));
		}
		PLANS.add(new Plan(UUID.randomUUID(), "TX", "P2", at.plusSeconds(60), "FORWARD", "MANDATED_MINOR_OR_DANGER", null,
				true, true));
		PLANS.add(new Plan(UUID.randomUUID(), null, null, at.plusSeconds(120), null, null, null, false, false));

		try (PipelineEvents events = new PipelineEvents()) {
			for (Plan plan : PLANS) {
				events.received(plan.tip(), plan.receivedAt());
				if (!plan.triaged()) {
					continue;
				}
				events.triaged(plan.tip(), plan.receivedAt().plusSeconds(2), plan.state(), plan.priority());
				events.decided(plan.tip(), "decided-" + plan.tip(), plan.receivedAt().plusSeconds(3), plan.decision(),
						plan.reason(), plan.state(), plan.priority(), plan.deadline());
				if (plan.deliveredAt() != null) {
					events.delivered(plan.tip(), plan.deliveredAt(), plan.state());
				}
				if (plan.breached()) {
					events.breached(plan.tip(), plan.deadline(), plan.deadline().plusSeconds(1), plan.state(),
							plan.priority());
				}
				if (plan.deadLettered()) {
					events.send(deadLetter(plan));
				}
			}
		}
	}

	/** As the binder dead-letters a triaged tip dispatch could not decide: original headers plus x-* ones. */
	private static ProducerRecord<String, byte[]> deadLetter(Plan plan) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("tips.triaged.v1.dispatch-service.dlq",
				plan.tip().toString(), ("{\"tipId\":\"" + plan.tip() + "\",\"narrative\":\"PERSONAL\"}")
					.getBytes(StandardCharsets.UTF_8));
		CloudEventHeaders.of(EventType.TIP_TRIAGED, "/tipline/triage", "triaged-dlq-" + plan.tip(), new TipId(plan.tip()),
				Instant.now())
			.forEach((name, value) -> record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("x-original-topic", "tips.triaged.v1".getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("x-original-partition", ByteBuffer.allocate(4).putInt(3).array()));
		record.headers().add(new RecordHeader("x-original-offset", ByteBuffer.allocate(8).putLong(42L).array()));
		record.headers().add(new RecordHeader("x-exception-fqcn",
				"java.net.ConnectException".getBytes(StandardCharsets.UTF_8)));
		record.headers().add(new RecordHeader("x-exception-message",
				"PERSONAL-IN-EXCEPTION".getBytes(StandardCharsets.UTF_8)));
		return record;
	}

	private void awaitTheRun() {
		long expected = PLANS.stream()
			.mapToLong((plan) -> 1 + (plan.triaged() ? 2 : 0)
					+ (("WITHHOLD".equals(plan.decision()) || "HOLD_FOR_CONSENT".equals(plan.decision())) ? 1 : 0)
					+ ((plan.deliveredAt() != null) ? 2 : 0) + (plan.breached() ? 1 : 0) + (plan.deadLettered() ? 1 : 0))
			.sum();
		Object[] ids = PLANS.stream().map(Plan::tip).toArray();
		String placeholders = String.join(",", java.util.Collections.nCopies(ids.length, "?"));
		await().atMost(Duration.ofSeconds(60))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id IN (" + placeholders + ")")
				.params(ids)
				.query(Long.class)
				.single() == expected);
	}

	@Test
	void reportsLatencyPercentilesAndTheShareWithinDeadlinePerStateAndPriority() {
		awaitTheRun();
		JsonNode rows = get("/v1/audit/oversight/latency?" + PERIOD).path("rows");

		Map<String, List<Plan>> groups = new TreeMap<>();
		PLANS.stream().filter(Plan::forwards).forEach((plan) ->
				groups.computeIfAbsent(plan.state() + "/" + plan.priority(), (key) -> new ArrayList<>()).add(plan));
		assertThat(rows.size()).isEqualTo(groups.size());
		for (JsonNode row : rows) {
			List<Plan> group = groups.get(row.path("state").asString() + "/" + row.path("priority").asString());
			List<Long> latencies = group.stream()
				.filter((plan) -> plan.latencyMinutes() != null)
				.map((plan) -> plan.latencyMinutes() * 60_000L)
				.sorted()
				.toList();
			long within = group.stream()
				.filter((plan) -> plan.deliveredAt() != null && !plan.deliveredAt().isAfter(plan.deadline()))
				.count();
			assertThat(row.path("delivered").asInt()).isEqualTo(latencies.size());
			assertThat(row.path("p50Millis").asLong()).isEqualTo(nearestRank(latencies, 0.50));
			assertThat(row.path("p95Millis").asLong()).isEqualTo(nearestRank(latencies, 0.95));
			assertThat(row.path("p99Millis").asLong()).isEqualTo(nearestRank(latencies, 0.99));
			assertThat(row.path("withDeadline").asInt()).isEqualTo(group.size());
			assertThat(row.path("withinDeadline").asLong()).isEqualTo(within);
			assertThat(row.path("shareWithinDeadline").asDouble()).isEqualTo((double) within / group.size());
		}

		String csv = getText("/v1/audit/oversight/latency?format=csv&" + PERIOD);
		assertThat(csv.split("\r\n")).hasSize(groups.size() + 1);
		assertThat(csv).startsWith("state,priority,delivered,p50Millis,p95Millis,p99Millis,withDeadline,");
	}

	@Test
	void countsWithheldAndHeldTipsAndListsThoseStillHeldOrUndeliveredOldestFirst() {
		awaitTheRun();
		JsonNode rows = get("/v1/audit/oversight/withheld?" + PERIOD).path("rows");
		Map<String, Integer> expected = new TreeMap<>();
		for (Plan plan : PLANS) {
			if ("WITHHOLD".equals(plan.decision())) {
				expected.merge("WITHHELD/" + plan.state() + "/" + plan.reason(), 1, Integer::sum);
			}
			if ("HOLD_FOR_CONSENT".equals(plan.decision())) {
				expected.merge("HELD/" + plan.state() + "/" + plan.reason(), 1, Integer::sum);
			}
		}
		Map<String, Integer> actual = new TreeMap<>();
		for (JsonNode row : rows) {
			assertThat(row.path("policyVersion").asString()).isEqualTo("national-default@2");
			actual.put(row.path("hop").asString() + "/" + row.path("state").asString() + "/"
					+ row.path("reasonCode").asString(), row.path("tips").asInt());
		}
		assertThat(actual).isEqualTo(expected);

		List<String> ours = PLANS.stream().map((plan) -> plan.tip().toString()).toList();
		List<String> pending = new ArrayList<>();
		for (JsonNode tip : get("/v1/audit/oversight/pending").path("tips")) {
			if (ours.contains(tip.path("tipId").asString())) {
				pending.add(tip.path("tipId").asString() + "/" + tip.path("status").asString());
			}
		}
		List<String> expectedPending = PLANS.stream()
			.filter((plan) -> plan.deliveredAt() == null
					&& (plan.forwards() || "HOLD_FOR_CONSENT".equals(plan.decision())))
			.map((plan) -> plan.tip() + "/" + ("HOLD_FOR_CONSENT".equals(plan.decision()) ? "HELD"
					: plan.deadLettered() ? "DEAD_LETTERED" : "AWAITING_DELIVERY"))
			.toList();
		assertThat(pending).containsExactlyElementsOf(expectedPending);
	}

	@Test
	void listsSlaBreachesPerStateWithTheirTips() {
		awaitTheRun();
		JsonNode states = get("/v1/audit/oversight/breaches?" + PERIOD).path("states");
		Map<String, List<String>> expected = new TreeMap<>();
		PLANS.stream().filter(Plan::breached).forEach((plan) ->
				expected.computeIfAbsent(plan.state(), (state) -> new ArrayList<>()).add(plan.tip().toString()));
		Map<String, List<String>> actual = new TreeMap<>();
		for (JsonNode state : states) {
			List<String> tips = new ArrayList<>();
			state.path("tips").forEach((tip) -> tips.add(tip.path("tipId").asString()));
			assertThat(state.path("breaches").asInt()).isEqualTo(tips.size());
			actual.put(state.path("state").asString(), tips);
		}
		assertThat(actual).isEqualTo(expected);
		assertThat(getText("/v1/audit/oversight/breaches?format=csv&" + PERIOD).split("\r\n"))
			.hasSize(1 + expected.values().stream().mapToInt(List::size).sum());
	}

	@Test
	void flagsTipsWithNoTerminalHopAfterTheGracePeriodButNotDeadLetteredOnes() {
		awaitTheRun();
		List<String> flagged = new ArrayList<>();
		get("/v1/audit/oversight/completeness").path("flagged").forEach((tip) -> flagged.add(tip.path("tipId").asString()));

		for (Plan plan : PLANS) {
			boolean terminal = plan.deliveredAt() != null || "WITHHOLD".equals(plan.decision()) || plan.deadLettered();
			assertThat(flagged.contains(plan.tip().toString())).as("%s flagged", plan).isEqualTo(!terminal);
		}
	}

	@Test
	void publishesAMonthlyTransparencyReportPerStateAsJsonAndHtml() {
		awaitTheRun();
		JsonNode report = get("/v1/audit/oversight/reports/OH/2025-03");
		List<Plan> ohio = PLANS.stream().filter((plan) -> "OH".equals(plan.state())).toList();
		List<Long> latencies = ohio.stream()
			.filter((plan) -> plan.forwards() && plan.latencyMinutes() != null)
			.map((plan) -> plan.latencyMinutes() * 60_000L)
			.sorted()
			.toList();

		assertThat(report.path("received").asInt()).isEqualTo(ohio.size());
		assertThat(report.path("forwarded").asInt()).isEqualTo((int) ohio.stream().filter(Plan::forwards).count());
		assertThat(report.path("delivered").asInt()).isEqualTo(latencies.size());
		assertThat(report.path("withheldByReason").path("VICTIM_DECLINED_CONSENT").asInt()).isEqualTo(2);
		assertThat(report.path("withheldByReason").path("VICTIM_CONSENT_NOT_GIVEN").asInt()).isEqualTo(1);
		assertThat(report.path("heldForConsent").asInt()).isEqualTo(1);
		assertThat(report.path("p50Millis").asLong()).isEqualTo(nearestRank(latencies, 0.50));
		assertThat(report.path("p99Millis").asLong()).isEqualTo(nearestRank(latencies, 0.99));
		assertThat(report.path("breaches").asInt()).isEqualTo((int) ohio.stream().filter(Plan::breached).count());

		String html = getText("/v1/audit/oversight/reports/OH/2025-03?format=html");
		assertThat(html).startsWith("<!DOCTYPE html>")
			.contains("Tipline transparency report: OH, 2025-03")
			.contains("<tr><th>Received</th><td class=\"n\">" + ohio.size() + "</td></tr>")
			.doesNotContain("<script");
		oversight().get().uri("/v1/audit/oversight/reports/Ohio/2025-03").exchange().expectStatus().isBadRequest();
	}

	@Test
	void givesAnAnalystTheTransparencyReportWithHowManyTipsWereWithheldButNotWhy() {
		awaitTheRun();
		JsonNode full = get("/v1/audit/oversight/reports/OH/2025-03");
		JsonNode analysts = json.readTree(analyst().get().uri("/v1/audit/oversight/reports/OH/2025-03").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
		long withheld = PLANS.stream()
			.filter((plan) -> "OH".equals(plan.state()) && "WITHHOLD".equals(plan.decision()))
			.count();

		assertThat(full.path("withheld").asLong()).isEqualTo(withheld);
		assertThat(analysts.path("withheld").asLong()).isEqualTo(withheld);
		assertThat(analysts.has("withheldByReason")).isFalse();
		assertThat(analysts.path("received")).isEqualTo(full.path("received"));
		assertThat(analysts.path("p95Millis")).isEqualTo(full.path("p95Millis"));
		String html = analyst().get().uri("/v1/audit/oversight/reports/OH/2025-03?format=html").exchange()
			.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
		assertThat(html).contains("<tr><th>Withheld</th><td class=\"n\">" + withheld + "</td></tr>")
			.contains("shown to oversight only")
			.doesNotContain("VICTIM_DECLINED_CONSENT", "VICTIM_CONSENT_NOT_GIVEN");
		analyst().get().uri("/v1/audit/oversight/withheld?" + PERIOD).exchange().expectStatus().isForbidden();
	}

	/** The nearest-rank definition, written out again: rank ceil(p * n), 1-based. */
	private static long nearestRank(List<Long> sorted, double p) {
		int rank = (int) Math.ceil(p * sorted.size());
		return sorted.get(rank - 1);
	}

	private JsonNode get(String uri) {
		return json.readTree(getText(uri));
	}

	private String getText(String uri) {
		return oversight().get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}
}
