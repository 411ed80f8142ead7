package org.tipline.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tipline.events.Channel;
import org.tipline.events.Classification;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.Consent;
import org.tipline.events.Contact;
import org.tipline.events.EventType;
import org.tipline.events.Jurisdiction;
import org.tipline.events.JurisdictionBasis;
import org.tipline.events.Location;
import org.tipline.events.Priority;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.events.TraffickingType;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.TestFieldKeys;
import tools.jackson.databind.json.JsonMapper;

/** Writes pipeline events as the other services do and reads what dispatch published, on the real broker. */
final class PipelineEvents {

	static final JsonMapper json = JsonMapper.builder().build();

	private PipelineEvents() {
	}

	/** A tip as triage publishes it: personal fields sealed as intake sealed them. */
	static TipTriaged triaged(ReporterRole role, Consent consent, String state, Priority priority) {
		TipId id = new TipId(UUID.randomUUID());
		TipReceived tip = new TipReceived(id, Instant.now(), Channel.SMS, "m-" + id, "en",
				new Reporter(role, consent, null), "a narrative", null, "+13055550100");
		return new TipTriaged(id, Instant.now(), TestFieldKeys.seal(tip),
				new Jurisdiction(StateCode.of(state), 1.0, JurisdictionBasis.STATED),
				new Classification(false, priority == Priority.P1, TraffickingType.LABOR, role, List.of()), priority,
				"test", List.of());
	}

	/** A tip with every personal detail a reporter can give, each value distinct, to see which ones reach a state. */
	static TipTriaged triagedWithPersonalDetails(ReporterRole role, Consent consent, String state, Priority priority) {
		TipId id = new TipId(UUID.randomUUID());
		TipReceived tip = new TipReceived(id, Instant.now(), Channel.SMS, "m-" + id, "en",
				new Reporter(role, consent, new Contact("+13055550101", "reporter@example.org")),
				"kept at the motel by the highway",
				new Location(StateCode.of(state), "Wichita", "67202", "12 Hidden Lane", 37.6872, -97.3301), "+13055550199");
		return new TipTriaged(id, Instant.now(), TestFieldKeys.seal(tip),
				new Jurisdiction(StateCode.of(state), 1.0, JurisdictionBasis.STATED),
				new Classification(false, priority == Priority.P1, TraffickingType.SEX, role, List.of()), priority, "test",
				List.of());
	}

	static void publish(String topic, EventType type, TipId tipId, Object event) {
		publish(topic, type, tipId, event, Map.of());
	}

	static void publish(String topic, EventType type, TipId tipId, Object event, Map<String, String> extraHeaders) {
		send(topic, type, tipId + "/" + type, tipId, json.writeValueAsBytes(event), extraHeaders);
	}

	/** A record that is not the event its headers claim, as a broken producer might write it. */
	static void publishRaw(String topic, TipId tipId, String value) {
		send(topic, EventType.TIP_TRIAGED, tipId + "/raw", tipId, value.getBytes(StandardCharsets.UTF_8), Map.of());
	}

	private static void send(String topic, EventType type, String eventId, TipId tipId, byte[] value,
			Map<String, String> extraHeaders) {
		Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers());
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
				new ByteArraySerializer())) {
			ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tipId.toString(), value);
			CloudEventHeaders.of(type, "/tipline/test", eventId, tipId, Instant.now())
				.forEach((name, header) -> record.headers()
					.add(new RecordHeader(name, header.toString().getBytes(StandardCharsets.UTF_8))));
			extraHeaders.forEach((name, header) -> record.headers()
				.add(new RecordHeader(name, header.getBytes(StandardCharsets.UTF_8))));
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Every record of {@code topic} keyed by the tip, read from the beginning until the topic is quiet. */
	static <T> List<T> read(String topic, TipId tipId, Class<T> type) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "dispatch-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<T> matching = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			int quietPolls = 0;
			while (System.nanoTime() < deadline && quietPolls < 2) {
				var polled = consumer.poll(Duration.ofMillis(400));
				if (polled.isEmpty() && !consumer.assignment().isEmpty()) {
					quietPolls++;
				}
				for (ConsumerRecord<String, byte[]> record : polled) {
					if (tipId.toString().equals(record.key())) {
						matching.add(json.readValue(record.value(), type));
					}
				}
			}
		}
		return matching;
	}
}
