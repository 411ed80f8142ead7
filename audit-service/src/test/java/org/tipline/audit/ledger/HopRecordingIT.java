package org.tipline.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class HopRecordingIT {

	@Autowired
	WebTestClient http;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("audit"));
	}

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
			.untilAsserted(() -> http.get()
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
	void theDatabaseRefusesToChangeOrDeleteAnEntry() {
		TipId tipId = new TipId(UUID.randomUUID());
		publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tipId.toString(), tipId,
				"{\"tipId\":\"%s\",\"receivedAt\":\"2026-11-29T01:00:00Z\",\"channel\":\"WEB\"}".formatted(tipId));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ?").param(tipId.value())
				.query(Long.class).single() == 1);

		assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET outcome = 'FORGED' WHERE tip_id = ?")
			.param(tipId.value())
			.update()).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE tip_id = ?").param(tipId.value()).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void unknownTipIsNotFound() {
		http.get().uri("/v1/audit/tips/{id}", UUID.randomUUID()).exchange().expectStatus().isNotFound();
		http.get().uri("/v1/audit/tips/not-a-uuid").exchange().expectStatus().isBadRequest();
	}

	private static void publish(String topic, EventType type, String source, String id, TipId tipId, String json) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tipId.toString(),
					json.getBytes(StandardCharsets.UTF_8));
			CloudEventHeaders.of(type, source, id, tipId, Instant.now())
				.forEach((name, value) -> record.headers()
					.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}
}
