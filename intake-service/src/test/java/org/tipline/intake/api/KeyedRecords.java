package org.tipline.intake.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.tipline.testing.SharedKafka;

/** What intake published on a topic for one tip, read from the beginning until the topic is quiet. */
final class KeyedRecords {

	private KeyedRecords() {
	}

	static List<ConsumerRecord<String, byte[]>> of(String topic, String tipId) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "intake-test-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
		List<ConsumerRecord<String, byte[]>> matching = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(topic));
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			int emptyPollsAfterData = 0;
			while (System.nanoTime() < deadline && emptyPollsAfterData < 3) {
				var polled = consumer.poll(Duration.ofMillis(500));
				if (polled.isEmpty() && !consumer.assignment().isEmpty()) {
					emptyPollsAfterData++;
				}
				polled.forEach((record) -> {
					if (tipId.equals(record.key())) {
						matching.add(record);
					}
				});
			}
		}
		return matching;
	}
}
