package org.tipline.audit.ledger;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;
import tools.jackson.core.exc.StreamReadException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Audit appends a whole poll of records at once. Events are published while the binding is stopped, so that when it
 * starts again they come in one batch, in the order they were published (they share a key, so a partition).
 */
class BatchRecordingIT extends AuditServiceTest {

	private static final String BINDING = "recordHop-in-0";

	private static final String DEAD_LETTER_TOPIC = "tips.audit-service.dlq";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditLedger ledger;

	@Autowired
	BindingsLifecycleController bindings;

	@Test
	void recordsTheSameEventTwiceInOneBatchAsOneEntry() {
		UUID tip = UUID.randomUUID();
		Instant at = Instant.parse("2026-06-01T10:00:00Z");
		inOneBatch((events) -> {
			events.received(tip, at);
			events.received(tip, at);
			events.triaged(tip, at.plusSeconds(1), "OH", "P2");
			events.received(tip, at);
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> hopsOf(tip).size() == 2);
		assertThat(hopsOf(tip)).containsExactlyInAnyOrder("RECEIVED", "TRIAGED");
		assertDense();
	}

	@Test
	void appendingTheSameEntryTwiceAtOnceTakesOneSequenceNumber() {
		HopEntry entry = received(UUID.randomUUID(), "twice-" + UUID.randomUUID());

		List<Long> appended = ledger.append(List.of(entry, entry));

		assertThat(appended).hasSize(1);
		assertThat(ledger.append(List.of(entry))).isEmpty();
	}

	@Test
	void deadLettersAPoisonRecordInTheMiddleOfABatchAndRecordsTheRecordsAroundIt() {
		UUID tip = UUID.randomUUID();
		String marker = "poison-" + UUID.randomUUID();
		byte[] poison = ("{\"tipId\":\"" + tip + "\",\"receivedAt\": " + marker).getBytes(StandardCharsets.UTF_8);
		inOneBatch((events) -> {
			events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "before-" + tip, tip,
					receivedJson(tip));
			events.send(receivedRecord(tip, "poison-" + tip, poison));
			events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "after-" + tip, tip,
					receivedJson(tip));
		});

		ConsumerRecord<String, byte[]> deadLetter = await().atMost(Duration.ofSeconds(90))
			.until(() -> deadLetterContaining(marker), (found) -> found != null);
		await().atMost(Duration.ofSeconds(30)).until(() -> eventIdsOf(tip).size() == 2);
		assertThat(eventIdsOf(tip)).containsExactly("before-" + tip, "after-" + tip);
		assertThat(deadLetter.value()).isEqualTo(poison);
		assertThat(deadLetter.key()).isEqualTo(tip.toString());
		assertThat(header(deadLetter, "x-original-topic")).asString(StandardCharsets.UTF_8)
			.isEqualTo(Topics.TIPS_RECEIVED);
		assertThat(header(deadLetter, "x-original-partition")).hasSize(Integer.BYTES);
		assertThat(header(deadLetter, "x-original-offset")).hasSize(Long.BYTES);
		assertThat(header(deadLetter, "x-exception-fqcn")).asString(StandardCharsets.UTF_8)
			.isEqualTo(StreamReadException.class.getName());
		assertThat(header(deadLetter, "ce_id")).asString(StandardCharsets.UTF_8).isEqualTo("poison-" + tip);
	}

	@Test
	void deadLettersAnEventTheDatabaseRefusesAndRecordsTheRestOfItsBatch() {
		UUID tip = UUID.randomUUID();
		// audit_entry.event_id holds at most 200 characters
		String tooLong = "refused-" + "x".repeat(300);
		inOneBatch((events) -> {
			events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "before-" + tip, tip,
					receivedJson(tip));
			events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tooLong, tip,
					receivedJson(tip));
			events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "after-" + tip, tip,
					receivedJson(tip));
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> eventIdsOf(tip).size() == 2);
		assertThat(eventIdsOf(tip)).containsExactly("before-" + tip, "after-" + tip);
		ConsumerRecord<String, byte[]> deadLetter = await().atMost(Duration.ofSeconds(30))
			.until(() -> deadLetterWithEventId(tooLong), (found) -> found != null);
		assertThat(header(deadLetter, "x-exception-fqcn")).asString(StandardCharsets.UTF_8)
			.isEqualTo(DataIntegrityViolationException.class.getName());
		assertDense();
	}

	/**
	 * Long enough for the retries of the batch to run out (five attempts), so that Spring Kafka offers each record
	 * to be dead-lettered, and has it refused and the batch sought back instead.
	 */
	@Test
	void retriesABatchTheDatabaseCannotTakeUntilItCanWithoutDeadLetteringAnyOfIt() throws Exception {
		UUID tip = UUID.randomUUID();
		try (Connection owner = ownerConnection(); Statement statement = owner.createStatement()) {
			long rollbacksBefore = rollbacks(statement);
			statement.execute("REVOKE INSERT ON audit_entry FROM tipline_audit_writer");
			try {
				inOneBatch((events) -> {
					events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "first-" + tip,
							tip, receivedJson(tip));
					events.publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", "second-" + tip,
							tip, receivedJson(tip));
				});
				await().atMost(Duration.ofSeconds(90)).until(() -> rollbacks(statement) >= rollbacksBefore + 7);
			}
			finally {
				statement.execute("GRANT INSERT ON audit_entry TO tipline_audit_writer");
			}
		}

		await().atMost(Duration.ofSeconds(60)).until(() -> eventIdsOf(tip).size() == 2);
		assertThat(eventIdsOf(tip)).containsExactly("first-" + tip, "second-" + tip);
		assertThat(firstDeadLetter((record) -> tip.toString().equals(record.key()))).isNull();
		assertDense();
	}

	@Test
	void recordsEachEventOfABatchWithTheTraceOfItsOwnRecord() {
		UUID tip = UUID.randomUUID();
		String firstTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
		String secondTrace = "0af7651916cd43dd8448eb211c80319c";
		inOneBatch((events) -> {
			events.send(traced(receivedRecord(tip, "first-" + tip, receivedJson(tip).getBytes(StandardCharsets.UTF_8)),
					firstTrace));
			events.send(receivedRecord(tip, "untraced-" + tip, receivedJson(tip).getBytes(StandardCharsets.UTF_8)));
			events.send(traced(receivedRecord(tip, "second-" + tip, receivedJson(tip).getBytes(StandardCharsets.UTF_8)),
					secondTrace));
		});

		await().atMost(Duration.ofSeconds(60)).until(() -> eventIdsOf(tip).size() == 3);
		assertThat(jdbc.sql("""
				SELECT event_id || ' ' || coalesce(details->>'traceId', 'none') FROM audit_entry
				WHERE tip_id = ? ORDER BY seq""").param(tip).query(String.class).list())
			.containsExactly("first-" + tip + " " + firstTrace, "untraced-" + tip + " none",
					"second-" + tip + " " + secondTrace);
	}

	@Test
	void sequenceNumbersStayDenseWhenBatchesAreAppendedConcurrently() throws Exception {
		UUID tip = UUID.randomUUID();
		int writers = 6;
		int batchesPerWriter = 10;
		int entriesPerBatch = 40;
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Callable<List<Long>>> appends = new ArrayList<>();
			for (int writer = 0; writer < writers; writer++) {
				for (int batch = 0; batch < batchesPerWriter; batch++) {
					int first = batch * entriesPerBatch;
					// every writer appends the same events: each is recorded once, whoever comes first
					List<HopEntry> entries = IntStream.range(first, first + entriesPerBatch)
						.mapToObj((i) -> received(tip, tip + "/" + i))
						.toList();
					appends.add(() -> ledger.append(entries));
				}
			}
			List<Long> appended = new ArrayList<>();
			for (Future<List<Long>> result : pool.invokeAll(appends)) {
				appended.addAll(result.get());
			}

			assertThat(appended).hasSize(batchesPerWriter * entriesPerBatch).doesNotHaveDuplicates();
			assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE tip_id = ?").param(tip).query(Long.class).single())
				.isEqualTo(batchesPerWriter * entriesPerBatch);
			assertDense();
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Publishes with the binding stopped and starts it again once all are published. */
	private void inOneBatch(Consumer<PipelineEvents> publishing) {
		bindings.stop(BINDING);
		try (PipelineEvents events = new PipelineEvents()) {
			publishing.accept(events);
		}
		finally {
			bindings.start(BINDING);
		}
	}

	/** Transactions of the audit database that ended in a rollback, as the failed appends do. */
	private static long rollbacks(Statement statement) throws SQLException {
		statement.execute("SELECT pg_stat_clear_snapshot()");
		try (ResultSet row = statement
			.executeQuery("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()")) {
			row.next();
			return row.getLong(1);
		}
	}

	private void assertDense() {
		Map<String, Object> log = jdbc.sql("SELECT count(*) AS entries, coalesce(max(seq) + 1, 0) AS size FROM audit_entry")
			.query()
			.singleRow();
		assertThat(log.get("entries")).isEqualTo(log.get("size"));
	}

	private List<String> hopsOf(UUID tip) {
		return jdbc.sql("SELECT hop FROM audit_entry WHERE tip_id = ? ORDER BY seq").param(tip).query(String.class).list();
	}

	private List<String> eventIdsOf(UUID tip) {
		return jdbc.sql("SELECT event_id FROM audit_entry WHERE tip_id = ? ORDER BY seq")
			.param(tip)
			.query(String.class)
			.list();
	}

	private static HopEntry received(UUID tip, String eventId) {
		return new HopEntry(tip, Hop.RECEIVED, "intake-service", Instant.parse("2026-06-01T10:00:00Z"), "ACCEPTED",
				Map.of("channel", "SMS"), new HopEntry.EventReference("/tipline/intake", eventId,
						EventType.TIP_RECEIVED.wireName(), "0".repeat(64)));
	}

	private static String receivedJson(UUID tip) {
		return """
				{"tipId":"%s","receivedAt":"2026-06-01T10:00:00Z","channel":"WEB","channelMessageId":"m-%s"}"""
			.formatted(tip, tip);
	}

	private static ProducerRecord<String, byte[]> receivedRecord(UUID tip, String eventId, byte[] payload) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIPS_RECEIVED, tip.toString(), payload);
		CloudEventHeaders.of(EventType.TIP_RECEIVED, "/tipline/intake", eventId, new TipId(tip), Instant.now())
			.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
		return record;
	}

	private static ProducerRecord<String, byte[]> traced(ProducerRecord<String, byte[]> record, String traceId) {
		record.headers()
			.add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		return record;
	}

	private static ConsumerRecord<String, byte[]> deadLetterContaining(String marker) {
		return firstDeadLetter((record) -> new String(record.value(), StandardCharsets.UTF_8).contains(marker));
	}

	private static ConsumerRecord<String, byte[]> deadLetterWithEventId(String eventId) {
		return firstDeadLetter((record) -> record.headers().lastHeader("ce_id") != null
				&& eventId.equals(new String(header(record, "ce_id"), StandardCharsets.UTF_8)));
	}

	private static ConsumerRecord<String, byte[]> firstDeadLetter(Predicate<ConsumerRecord<String, byte[]>> wanted) {
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTER_TOPIC)
				.stream()
				.map((info) -> new TopicPartition(info.topic(), info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			Set<TopicPartition> unread = new HashSet<>(partitions);
			while (!unread.isEmpty()) {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (wanted.test(record)) {
						return record;
					}
				}
				unread.removeIf((partition) -> consumer.position(partition) >= ends.get(partition));
			}
			return null;
		}
	}

	private static byte[] header(ConsumerRecord<?, ?> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header == null) ? null : header.value();
	}
}
