package org.tipline.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.Topics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class HopRecordingIT extends AuditServiceTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void recordsTheSameEventConsumedTwiceAsOneEntryWithoutPersonalData() {
		TipId tipId = new TipId(UUID.randomUUID());
		String received = """
				{"tipId":"%s","receivedAt":"2026-11-29T01:00:00Z","channel":"SMS","channelMessageId":"m",
				 "narrative":"PERSONAL-NARRATIVE","callerPhone":"+13055550100"}""".formatted(tipId);

		publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tipId.toString(), tipId, received);
		publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tipId.toString(), tipId, received);
		String decided = """
				{"tipId":"%s","decidedAt":"2026-11-29T01:00:02Z","decision":"WITHHOLD",
				 "reasonCode":"VICTIM_DECLINED_CONSENT","policyVersion":"national-default@1","rule":"victim-consent-declined",
				 "triaged":{"priority":"P3","jurisdiction":{"state":"OH"}}}""".formatted(tipId);
		publish(Topics.TIPS_DECIDED, EventType.TIP_DECIDED, "/tipline/dispatch", tipId.toString(), tipId, decided);

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> oversight().get()
				.uri("/v1/audit/tips/{id}", tipId)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.entries[*].hop")
				.isEqualTo(List.of("RECEIVED", "DECIDED", "WITHHELD"))
				.jsonPath("$.entries[2].outcome")
				.isEqualTo("VICTIM_DECLINED_CONSENT")
				.jsonPath("$.entries[2].details.policyVersion")
				.isEqualTo("national-default@1")
				.jsonPath("$.entries[0].service")
				.isEqualTo("intake-service"));
		String stored = jdbc.sql("SELECT string_agg(details::text, ' ') FROM audit_entry WHERE tip_id = ?")
			.param(tipId.value())
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain("PERSONAL-NARRATIVE", "3055550100");
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteAnEntryByPrivilegeAndByTrigger() throws Exception {
		TipId tipId = new TipId(UUID.randomUUID());
		publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tipId.toString(), tipId,
				"{\"tipId\":\"%s\",\"receivedAt\":\"2026-11-29T01:00:00Z\",\"channel\":\"WEB\"}".formatted(tipId));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ?").param(tipId.value())
				.query(Long.class).single() == 1);

		// the service's own connections hold no UPDATE, DELETE or TRUNCATE privilege
		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET outcome = 'FORGED' WHERE tip_id = ?")
			.param(tipId.value())
			.update()).rootCause().hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE tip_id = ?").param(tipId.value()).update())
			.rootCause()
			.hasMessageContaining("permission denied");
		assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_checkpoint").update()).rootCause()
			.hasMessageContaining("permission denied");
		// and the owner, who holds every privilege, still meets the triggers
		try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
			assertThatThrownBy(() -> statement.executeUpdate(
					"UPDATE audit_entry SET outcome = 'FORGED' WHERE tip_id = '" + tipId + "'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_entry WHERE tip_id = '" + tipId + "'"))
				.hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("TRUNCATE audit_entry")).hasMessageContaining("append-only");
			assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_checkpoint"))
				.hasMessageContaining("append-only");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ? AND outcome = 'FORGED'")
			.param(tipId.value()).query(Long.class).single()).isZero();
	}

	@Test
	void recordsHoldsConsentBreachesCaseNumbersAndDeadLettersWithoutTheExceptionMessage() {
		UUID tip = UUID.randomUUID();
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		try (PipelineEvents events = new PipelineEvents()) {
			events.decided(tip, "decided-hold-" + tip, at, "HOLD_FOR_CONSENT", "VICTIM_CONSENT_NOT_GIVEN", "OH", "P3",
					null);
			events.consentUpdated(tip, at.plusSeconds(60), "GRANTED");
			events.decided(tip, "decided-forward-" + tip, at.plusSeconds(61), "FORWARD_REDACTED", "VICTIM_CONSENTED",
					"OH", "P3", at.plusSeconds(3600));
			events.breached(tip, at.plusSeconds(3600), at.plusSeconds(3601), "OH", "P3");
			events.delivered(tip, at.plusSeconds(3700), "OH");
			events.send(deadLetter(tip));
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> oversight().get()
				.uri("/v1/audit/tips/{id}", tip)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.entries[*].hop")
				.isEqualTo(List.of("DECIDED", "HELD", "CONSENT_UPDATED", "DECIDED", "SLA_BREACHED",
						"DELIVERY_ATTEMPTED", "DELIVERED", "DEAD_LETTERED"))
				.jsonPath("$.entries[3].details.deadline")
				.isEqualTo("2026-03-01T11:00:00Z")
				.jsonPath("$.entries[2].outcome")
				.isEqualTo("GRANTED")
				.jsonPath("$.entries[6].details.stateCaseNumber")
				.isEqualTo("CASE-OH")
				.jsonPath("$.entries[7].service")
				.isEqualTo("dispatch-service")
				.jsonPath("$.entries[7].details.originalOffset")
				.isEqualTo("42")
				.jsonPath("$.entries[7].details.exceptionClass")
				.isEqualTo("java.net.ConnectException"));
		assertThat(jdbc.sql("SELECT string_agg(entry::text, ' ') FROM audit_entry WHERE tip_id = ?")
			.param(tip)
			.query(String.class)
			.single()).doesNotContain(HexFormat.of().formatHex("PERSONAL".getBytes(StandardCharsets.UTF_8)));
	}

	/** As the binder dead-letters a record: the original bytes and headers, and where it came from. */
	private static ProducerRecord<String, byte[]> deadLetter(UUID tip) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>("tips.triaged.v1.dispatch-service.dlq",
				tip.toString(), "not json, PERSONAL".getBytes(StandardCharsets.UTF_8));
		record.headers().add("x-original-topic", "tips.triaged.v1".getBytes(StandardCharsets.UTF_8));
		record.headers().add("x-original-partition", ByteBuffer.allocate(4).putInt(1).array());
		record.headers().add("x-original-offset", ByteBuffer.allocate(8).putLong(42).array());
		record.headers().add("x-exception-fqcn", "java.net.ConnectException".getBytes(StandardCharsets.UTF_8));
		record.headers().add("x-exception-message", "PERSONAL in the message".getBytes(StandardCharsets.UTF_8));
		return record;
	}

	@Test
	void recordsEachLaterTipLinkedToATipOnceOnItsTimelineHoweverOftenTriageFindsIt() {
		UUID earlier = UUID.randomUUID();
		UUID later = UUID.randomUUID();
		UUID latest = UUID.randomUUID();
		Instant at = Instant.parse("2026-03-01T10:00:00Z");
		try (PipelineEvents events = new PipelineEvents()) {
			events.received(earlier, at);
			events.linked(earlier, later, at.plusSeconds(3600));
			// the later tip triaged again after a redelivery: the same link, found a little later
			events.linked(earlier, later, at.plusSeconds(3700));
			events.linked(earlier, latest, at.plusSeconds(7200));
		}

		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> analyst().get()
				.uri("/v1/audit/tips/{id}", earlier)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.entries[*].hop")
				.isEqualTo(List.of("RECEIVED", "LINKED", "LINKED"))
				.jsonPath("$.entries[1].at")
				.isEqualTo("2026-03-01T11:00:00Z")
				.jsonPath("$.entries[1].service")
				.isEqualTo("triage-service")
				.jsonPath("$.entries[1].outcome")
				.isEqualTo("LINKED")
				.jsonPath("$.entries[1].details.linkedTipId")
				.isEqualTo(later.toString())
				.jsonPath("$.entries[1].details.evidence")
				.isEqualTo(List.of("PHONE", "STORY"))
				.jsonPath("$.entries[2].details.linkedTipId")
				.isEqualTo(latest.toString()));
		oversight().get().uri("/v1/audit/tips/{id}", later).exchange().expectStatus().isNotFound();
	}

	@Test
	void unknownTipIsNotFound() {
		oversight().get().uri("/v1/audit/tips/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		oversight().get().uri("/v1/audit/tips/not-a-uuid").exchange().expectStatus().isBadRequest();
	}

	private static void publish(String topic, EventType type, String source, String id, TipId tipId, String json) {
		try (PipelineEvents events = new PipelineEvents()) {
			events.publish(topic, type, source, id, tipId.value(), json);
		}
	}
}
