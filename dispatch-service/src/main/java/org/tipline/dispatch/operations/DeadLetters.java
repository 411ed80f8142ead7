package org.tipline.dispatch.operations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;

/**
 * Reads dispatch's dead-letter topics for operators and puts records back on the topic they came from. Listings
 * show where a record is and why it failed, never its value: that may hold a victim's details.
 */
@Component
class DeadLetters {

	static final List<String> TOPICS = List.of("tips.triaged.v1.dispatch-service.dlq",
			"tips.consent.v1.dispatch-service.dlq");

	private static final Pattern QUOTED = Pattern.compile("(\"[^\"]*\"|'[^']*')");

	private final String bootstrapServers;

	DeadLetters(KafkaProperties kafka) {
		this.bootstrapServers = String.join(",", kafka.getBootstrapServers());
	}

	record DeadLetter(String topic, int partition, long offset, String tipId, Instant deadLetteredAt,
			String originalTopic, String exception, String cause) {

		String reference() {
			return topic + "/" + partition + "/" + offset;
		}
	}

	/** How many records the dead-letter topics hold, from their offsets, without reading them. */
	long count() {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "dispatch-operator-count");
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = partitionsOf(consumer);
			if (partitions.isEmpty()) {
				return 0;
			}
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
			Map<TopicPartition, Long> starts = consumer.beginningOffsets(partitions, Duration.ofSeconds(5));
			return partitions.stream().mapToLong((p) -> ends.get(p) - starts.get(p)).sum();
		}
	}

	List<DeadLetter> list() {
		List<DeadLetter> letters = new ArrayList<>();
		read((record) -> letters.add(describe(record)));
		return letters;
	}

	/** Puts the dead letters of one tip, or all received in a period, back on their original topics. */
	List<DeadLetter> replay(String tipId, Instant from, Instant to) {
		List<ConsumerRecord<byte[], byte[]>> chosen = new ArrayList<>();
		read((record) -> {
			DeadLetter letter = describe(record);
			boolean matches = (tipId != null) ? tipId.equals(letter.tipId())
					: (from == null || !letter.deadLetteredAt().isBefore(from))
							&& (to == null || letter.deadLetteredAt().isBefore(to));
			if (matches && letter.originalTopic() != null) {
				chosen.add(record);
			}
		});
		List<DeadLetter> replayed = new ArrayList<>();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (ConsumerRecord<byte[], byte[]> record : chosen) {
				DeadLetter letter = describe(record);
				ProducerRecord<byte[], byte[]> again = new ProducerRecord<>(letter.originalTopic(), record.key(),
						record.value());
				for (Header header : record.headers()) {
					if (!header.key().startsWith("x-")) {
						again.headers().add(header);
					}
				}
				producer.send(again).get();
				replayed.add(letter);
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("dead letters could not be replayed: " + ex.getMessage(), ex);
		}
		return replayed;
	}

	private void read(java.util.function.Consumer<ConsumerRecord<byte[], byte[]>> each) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "dispatch-operator-" + UUID.randomUUID(),
				ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = partitionsOf(consumer);
			if (partitions.isEmpty()) {
				return;
			}
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(5));
			long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
					if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
						each.accept(record);
					}
				}
			}
		}
	}

	private static List<TopicPartition> partitionsOf(KafkaConsumer<byte[], byte[]> consumer) {
		List<TopicPartition> partitions = new ArrayList<>();
		for (String topic : TOPICS) {
			if (consumer.listTopics(Duration.ofSeconds(5)).containsKey(topic)) {
				List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
				infos.forEach((info) -> partitions.add(new TopicPartition(topic, info.partition())));
			}
		}
		return partitions;
	}

	private static DeadLetter describe(ConsumerRecord<byte[], byte[]> record) {
		return new DeadLetter(record.topic(), record.partition(), record.offset(),
				(record.key() != null) ? new String(record.key(), StandardCharsets.UTF_8) : null,
				Instant.ofEpochMilli(record.timestamp()), header(record, "x-original-topic"),
				header(record, "x-exception-fqcn"), withoutQuotedValues(header(record, "x-exception-message")));
	}

	/** Exception messages may quote the value that failed, which may be personal data: quotes are elided. */
	static String withoutQuotedValues(String message) {
		if (message == null) {
			return null;
		}
		String firstLine = message.lines().findFirst().orElse("");
		String elided = QUOTED.matcher(firstLine).replaceAll("\"…\"");
		return (elided.length() > 200) ? elided.substring(0, 200) + "…" : elided;
	}

	private static String header(ConsumerRecord<byte[], byte[]> record, String name) {
		Header header = record.headers().lastHeader(name);
		return (header != null) ? new String(header.value(), StandardCharsets.UTF_8) : null;
	}
}
