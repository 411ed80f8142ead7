package org.tipline.audit.access;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.audit.ledger.CanonicalJson;
import org.tipline.security.ApiKeys;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Every read of the audit API, allowed or refused, as the access log records it and oversight reads it back. */
class AccessLogIT extends AuditServiceTest {

	@Autowired
	JdbcClient jdbc;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void recordsEveryReadAllowedOrRefusedWithWhoAskedForWhatAndTheAnswer() {
		UUID tip = recordATip();
		String unknown = ApiKeys.generate();
		Instant from = Instant.now();

		anonymous.get().uri("/v1/audit/tips/{id}", tip).exchange().expectStatus().isUnauthorized();
		withKey(unknown).get().uri("/v1/audit/tips/{id}?key={key}&from=0", tip, unknown).exchange().expectStatus()
			.isUnauthorized();
		analyst().get().uri("/v1/audit/tips/{id}?proof=true", tip).exchange().expectStatus().isForbidden();
		analyst().get().uri("/v1/audit/tips/{id}", tip).exchange().expectStatus().isOk();
		oversight().get().uri("/v1/audit/tips/{id}?proof=true", tip).exchange().expectStatus().isOk();
		oversight().get().uri("/v1/audit/access?from={from}", from).exchange().expectStatus().isOk();

		String answer = oversight().get().uri("/v1/audit/access?from={from}", from).exchange().expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		List<String> reads = new ArrayList<>();
		for (JsonNode read : json.readTree(answer).path("reads")) {
			if (read.path("path").asString().endsWith(tip.toString())) {
				reads.add(read.path("method").asString() + " " + read.path("reader").asString() + "/"
						+ text(read.path("role")) + " " + read.path("query") + " " + read.path("status").asInt());
			}
			else if (read.path("path").asString().equals("/v1/audit/access")) {
				reads.add("access " + read.path("reader").asString() + " " + read.path("status").asInt());
			}
		}
		assertThat(reads).containsExactly("GET unauthenticated/null {} 401",
				"GET unauthenticated/null {\"from\":[\"0\"],\"key\":[null]} 401",
				"GET analyst/ANALYST {\"proof\":[\"true\"]} 403", "GET analyst/ANALYST {} 200",
				"GET oversight-board/OVERSIGHT {\"proof\":[\"true\"]} 200", "access oversight-board 200");
		assertThat(answer).doesNotContain(unknown.substring(4));
		assertThat(jdbc.sql("SELECT count(*) FROM audit_access WHERE path LIKE ? OR query::text LIKE ?")
			.params("%" + unknown.substring(4) + "%", "%" + unknown.substring(4) + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void eachReadsHashFollowsFromThePreviousOneSoAChangedRowBreaksTheChain() throws Exception {
		Instant from = Instant.now();
		for (int i = 0; i < 3; i++) {
			analyst().get().uri("/v1/audit/oversight/pending").exchange().expectStatus().isOk();
			anonymous.get().uri("/v1/audit/oversight/pending").exchange().expectStatus().isUnauthorized();
		}
		JsonNode answer = accessSince(from);
		assertThat(answer.path("reads").size()).isGreaterThanOrEqualTo(6);
		assertThat(firstBroken(answer)).isNull();

		// a refused read made to look allowed, as whoever can disable the trigger could; then put back
		long changed = answer.path("reads").get(1).path("seq").asLong();
		assertThat(answer.path("reads").get(1).path("status").asInt()).isEqualTo(401);
		try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
			statement.execute("ALTER TABLE audit_access DISABLE TRIGGER audit_access_no_update_or_delete");
			try {
				statement.executeUpdate("UPDATE audit_access SET status = 200 WHERE seq = " + changed);
				assertThat(firstBroken(accessSince(from))).isEqualTo(changed);
			}
			finally {
				statement.executeUpdate("UPDATE audit_access SET status = 401 WHERE seq = " + changed);
				statement.execute("ALTER TABLE audit_access ENABLE TRIGGER audit_access_no_update_or_delete");
			}
		}
		assertThat(firstBroken(accessSince(from))).isNull();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteARecordedReadByPrivilegeAndByTrigger() throws Exception {
		anonymous.get().uri("/v1/audit/export").exchange().expectStatus().isUnauthorized();

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_access SET status = 200").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_access").update()).rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_access").update()).rootCause()
			.hasMessageContaining("permission denied");
		try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
			assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_access SET status = 200"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_access"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_access"))
				.hasMessageContaining("append-only");
		}
	}

	@Test
	void aReadThatCannotBeRecordedIsNotAnswered() throws Exception {
		UUID tip = recordATip();
		// as when the database refuses the row: the service's role loses INSERT on the access log for a moment
		try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
			statement.execute("REVOKE INSERT ON audit_access FROM tipline_audit_writer");
			try {
				String answer = oversight().get().uri("/v1/audit/tips/{id}", tip).exchange()
					.expectStatus().isEqualTo(500)
					.expectBody(String.class).returnResult().getResponseBody();
				assertThat(answer).doesNotContain("RECEIVED", "entries");
			}
			finally {
				statement.execute("GRANT INSERT ON audit_access TO tipline_audit_writer");
			}
		}
		oversight().get().uri("/v1/audit/tips/{id}", tip).exchange().expectStatus().isOk();
	}

	@Test
	void countsReadsByRoleAndOutcomeWhereTheActuatorStaysOpen() {
		double before = readsCounted("ANALYST", "forbidden");
		analyst().get().uri("/v1/audit/export").exchange().expectStatus().isForbidden();

		assertThat(readsCounted("ANALYST", "forbidden")).isEqualTo(before + 1);
		assertThat(readsCounted("none", "unauthenticated")).isPositive();
		anonymous.get().uri("/actuator/health").exchange().expectStatus().isOk();
	}

	/** The hash chain checked as docs/audit.md tells oversight to: from {@code previousHash}, read by read. */
	private static Long firstBroken(JsonNode answer) throws Exception {
		byte[] previous = HexFormat.of().parseHex(answer.path("previousHash").asString());
		for (JsonNode read : answer.path("reads")) {
			Map<String, Object> row = new LinkedHashMap<>();
			row.put("seq", read.path("seq").asLong());
			row.put("at", read.path("at").asString());
			row.put("reader", read.path("reader").asString());
			row.put("role", text(read.path("role")));
			row.put("method", read.path("method").asString());
			row.put("path", read.path("path").asString());
			Map<String, List<String>> query = new TreeMap<>();
			read.path("query").properties().forEach((parameter) -> {
				List<String> values = new ArrayList<>();
				parameter.getValue().forEach((value) -> values.add(text(value)));
				query.put(parameter.getKey(), values);
			});
			row.put("query", query);
			row.put("status", read.path("status").asInt());
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			previous = sha256.digest(CanonicalJson.encode(row));
			if (!HexFormat.of().formatHex(previous).equals(read.path("hash").asString())) {
				return read.path("seq").asLong();
			}
		}
		return null;
	}

	private static String text(JsonNode node) {
		return node.isNull() ? null : node.asString();
	}

	private JsonNode accessSince(Instant from) {
		return json.readTree(oversight().get().uri("/v1/audit/access?from={from}", from).exchange().expectStatus()
			.isOk().expectBody(String.class).returnResult().getResponseBody());
	}

	private double readsCounted(String role, String outcome) {
		String metrics = anonymous.mutate()
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
			.build()
			.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class).returnResult().getResponseBody();
		Matcher line = Pattern.compile("(?m)^tipline_audit_reads_total\\{[^}]*outcome=\"" + outcome + "\",role=\""
				+ role + "\"[^}]*} (\\S+)$").matcher(metrics);
		return line.find() ? Double.parseDouble(line.group(1)) : 0;
	}

	private UUID recordATip() {
		UUID tip = UUID.randomUUID();
		try (PipelineEvents events = new PipelineEvents()) {
			events.received(tip, Instant.parse("2026-01-10T10:00:00Z"));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> oversight().get().uri("/v1/audit/tips/{id}", tip).exchange().expectStatus().isOk());
		return tip;
	}
}
