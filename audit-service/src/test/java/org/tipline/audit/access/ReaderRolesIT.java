package org.tipline.audit.access;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.EventType;
import org.tipline.events.Topics;
import org.tipline.security.ApiKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every endpoint of the audit API asked by nobody, by an unknown key, by an analyst and by oversight, on a tip
 * whose events carried a narrative and contact details, as intake and triage publish them.
 */
class ReaderRolesIT extends AuditServiceTest {

	private static final List<String> PERSONAL = List.of("PERSONAL-NARRATIVE", "3055550100", "jane.roe@example.org",
			"Jane Roe", "12 Elm Street", "narrative", "callerPhone");

	private static UUID tip;

	@LocalServerPort
	int port;

	private final JsonMapper json = JsonMapper.builder().build();

	/** {@code path}, and the status nobody, an analyst and oversight get. */
	record Row(String path, int nobody, int analyst, int oversight) {
	}

	@BeforeEach
	void recordATipWithPersonalDataInItsEvents() {
		synchronized (ReaderRolesIT.class) {
			if (tip != null) {
				return;
			}
			UUID recorded = UUID.randomUUID();
			Instant at = Instant.parse("2026-11-03T10:00:00Z");
			try (PipelineEvents events = new PipelineEvents()) {
				events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "received-" + recorded,
						recorded, """
								{"tipId":"%s","receivedAt":"%s","channel":"WEB","channelMessageId":"m-1",
								 "narrative":"PERSONAL-NARRATIVE","callerPhone":"+13055550100",
								 "reporterEmail":"jane.roe@example.org","reporterName":"Jane Roe",
								 "address":"12 Elm Street"}""".formatted(recorded, at));
				events.triaged(recorded, at.plusSeconds(2), "OH", "P3");
				events.decided(recorded, "decided-" + recorded, at.plusSeconds(3), "WITHHOLD",
						"VICTIM_DECLINED_CONSENT", "OH", "P3", null);
				events.consentUpdated(recorded, at.plusSeconds(4), "DECLINED");
			}
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> oversight().get().uri("/v1/audit/tips/{id}", recorded).exchange().expectBody()
					.jsonPath("$.entries.length()").isEqualTo(5));
			await().atMost(Duration.ofSeconds(20))
				.until(() -> latestTreeSize() > 0 && oversight().get().uri("/v1/audit/tips/" + recorded + "?proof=true")
					.exchange().returnResult(String.class).getStatus().is2xxSuccessful());
			tip = recorded;
		}
	}

	private List<Row> table() {
		long size = latestTreeSize();
		return List.of(new Row("/v1/audit/public-key", 200, 200, 200),
				new Row("/v1/audit/public-key?format=pem", 200, 200, 200),
				new Row("/v1/audit/checkpoints/latest", 200, 200, 200),
				new Row("/v1/audit/reader", 401, 200, 200),
				new Row("/v1/audit/dashboard/latency", 401, 200, 200),
				new Row("/v1/audit/oversight/latency", 401, 200, 200),
				new Row("/v1/audit/oversight/latency?format=csv", 401, 200, 200),
				new Row("/v1/audit/oversight/pending", 401, 200, 200),
				new Row("/v1/audit/oversight/breaches", 401, 200, 200),
				new Row("/v1/audit/oversight/completeness", 401, 200, 200),
				new Row("/v1/audit/oversight/reports/OH/2026-11", 401, 200, 200),
				new Row("/v1/audit/oversight/reports/OH/2026-11?format=html", 401, 200, 200),
				new Row("/v1/audit/tips/" + tip, 401, 200, 200),
				new Row("/v1/audit/tips/" + tip + "?proof=true", 401, 403, 200),
				new Row("/v1/audit/oversight/withheld", 401, 403, 200),
				new Row("/v1/audit/oversight/withheld?format=csv", 401, 403, 200),
				new Row("/v1/audit/export", 401, 403, 200),
				new Row("/v1/audit/entries/0", 401, 403, 200),
				new Row("/v1/audit/consistency?from=" + size + "&to=" + size, 401, 403, 200),
				new Row("/v1/audit/access", 401, 403, 200),
				new Row("/v1/audit/not-an-endpoint", 401, 403, 404));
	}

	@Test
	void everyEndpointAnswersEachRoleAsTheRoleTableSays() {
		List<String> mismatches = new ArrayList<>();
		for (Row row : table()) {
			check(mismatches, row.path(), "nobody", anonymous, row.nobody());
			check(mismatches, row.path(), "an unknown key", withKey(ApiKeys.generate()), row.nobody());
			check(mismatches, row.path(), "an analyst", analyst(), row.analyst());
			check(mismatches, row.path(), "oversight", oversight(), row.oversight());
		}
		assertThat(mismatches).isEmpty();
	}

	private static void check(List<String> mismatches, String path, String who, WebTestClient client, int expected) {
		int status = client.get().uri(path).exchange().returnResult(String.class).getStatus().value();
		if (status != expected) {
			mismatches.add(path + " for " + who + ": " + status + ", expected " + expected);
		}
	}

	@Test
	void refusesWithoutAValidKeyAsRfc9457ProblemsThatNeverRepeatTheKey() {
		String unknown = ApiKeys.generate();
		EntityExchangeResult<String> refused = withKey(unknown).get().uri("/v1/audit/export?key=" + unknown)
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tipline-audit\", error=\"invalid_token\"")
			.expectBody(String.class).returnResult();
		JsonNode problem = json.readTree(refused.getResponseBody());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
		assertThat(problem.path("instance").asString()).isEqualTo("/v1/audit/export");
		assertThat(refused.getResponseBody()).doesNotContain(unknown.substring(4));

		anonymous.get().uri("/v1/audit/oversight/latency").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")
			.exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tipline-audit\"")
			.expectBody().jsonPath("$.detail")
			.isEqualTo("The audit API needs a reader's key, sent as Authorization: Bearer tpl_…");

		analyst().get().uri("/v1/audit/export").exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.detail")
			.isEqualTo("This request needs the role OVERSIGHT; reader analyst has the role ANALYST.");
	}

	@Test
	void aPercentEncodedPathReachesNoHandlerPastTheGate() {
		for (String encoded : List.of("/v1/%61udit/oversight/withheld", "/v1/audit/%6Fversight/withheld",
				"/v1/audit/oversight/%77ithheld")) {
			URI raw = URI.create("http://localhost:" + port + encoded);
			anonymous.get().uri(raw).exchange().expectStatus().isUnauthorized();
			analyst().get().uri(raw).exchange().expectStatus().isForbidden();
		}
	}

	@Test
	void tellsAReaderWhoseKeyItIs() {
		analyst().get().uri("/v1/audit/reader").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.name").isEqualTo(ANALYST_READER)
			.jsonPath("$.role").isEqualTo("ANALYST");
	}

	@Test
	void showsAnAnalystWhatHappenedToATipAndOversightAlsoWhy() {
		JsonNode full = json.readTree(body(oversight(), "/v1/audit/tips/" + tip));
		String analysts = body(analyst(), "/v1/audit/tips/" + tip);
		JsonNode seen = json.readTree(analysts);

		List<String> hops = new ArrayList<>();
		full.path("entries").forEach((entry) -> hops.add(entry.path("hop").asString()));
		List<String> seenHops = new ArrayList<>();
		seen.path("entries").forEach((entry) -> seenHops.add(entry.path("hop").asString()));
		assertThat(seenHops).isEqualTo(hops).containsExactly("RECEIVED", "TRIAGED", "DECIDED", "WITHHELD",
				"CONSENT_UPDATED");
		JsonNode withheld = seen.path("entries").get(3);
		assertThat(withheld.path("details").path("state").asString()).isEqualTo("OH");
		assertThat(withheld.path("details").path("priority").asString()).isEqualTo("P3");
		assertThat(withheld.path("details").path("decision").asString()).isEqualTo("WITHHOLD");
		assertThat(withheld.path("at")).isEqualTo(full.path("entries").get(3).path("at"));
		assertThat(analysts).doesNotContain("VICTIM_DECLINED_CONSENT", "rule-", "national-default", "reasonCode",
				"policyVersion", "DECLINED\"", "reporterRole", "minor");
		assertThat(full.path("entries").get(3).path("outcome").asString()).isEqualTo("VICTIM_DECLINED_CONSENT");
		assertThat(full.path("entries").get(3).path("details").path("rule").asString())
			.isEqualTo("rule-VICTIM_DECLINED_CONSENT");
		assertThat(full.path("entries").get(4).path("outcome").asString()).isEqualTo("DECLINED");
	}

	@Test
	void noAnswerOfTheAuditApiCarriesANarrativeOrContactDetails() {
		List<String> answers = new ArrayList<>();
		for (Row row : table()) {
			if (row.oversight() == 200) {
				answers.add(row.path() + " " + body(oversight(), row.path()));
			}
		}
		for (JsonNode entry : json.readTree(body(oversight(), "/v1/audit/tips/" + tip)).path("entries")) {
			answers.add(body(oversight(), "/v1/audit/entries/" + entry.path("seq").asLong()));
		}
		answers.add(body(analyst(), "/v1/audit/tips/" + tip));

		assertThat(answers).hasSizeGreaterThan(20)
			.allSatisfy((answer) -> assertThat(answer).doesNotContain(PERSONAL.toArray(String[]::new)));
		assertThat(String.join("\n", answers)).contains(tip.toString());
	}

	private long latestTreeSize() {
		EntityExchangeResult<String> latest = anonymous.get().uri("/v1/audit/checkpoints/latest").exchange()
			.expectBody(String.class).returnResult();
		return latest.getStatus().is2xxSuccessful()
				? json.readTree(latest.getResponseBody()).path("treeSize").asLong() : 0;
	}

	private static String body(WebTestClient client, String path) {
		return client.get().uri(path).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}
}
