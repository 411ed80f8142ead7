package org.tipline.local;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The machine's own Kafka ceiling for the pipeline's shape: records of a tip's size produced with acks=all and
 * relayed through as many consume-then-produce hops as the pipeline has (intake, triage, dispatch, delivery
 * record), each hop a thread like a service's consumer, on the same broker. Nothing else runs.
 */
final class KafkaCeiling {

	static final int HOPS = 4;

	record Result(long records, double recordsPerSecond, double hopP50Millis) {
	}

	private KafkaCeiling() {
	}

	static Result measure(String bootstrap, int records, int recordBytes) throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			List<NewTopic> topics = new java.util.ArrayList<>();
			for (int hop = 0; hop <= HOPS; hop++) {
				topics.add(new NewTopic(topic(run, hop), 6, (short) 1));
			}
			admin.createTopics(topics).all().get();
		}
		AtomicLong arrived = new AtomicLong();
		Latencies hopLatency = new Latencies();
		List<Thread> relays = new java.util.ArrayList<>();
		for (int hop = 0; hop < HOPS; hop++) {
			int from = hop;
			Thread relay = new Thread(() -> relay(bootstrap, topic(run, from), topic(run, from + 1), from == HOPS - 1,
					records, arrived, hopLatency), "ceiling-hop-" + hop);
			relay.start();
			relays.add(relay);
		}
		Thread.sleep(3000);
		byte[] value = new byte[recordBytes];
		long start = System.nanoTime();
		try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
				new ByteArraySerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < records; i++) {
				producer.send(new ProducerRecord<>(topic(run, 0), UUID.randomUUID().toString().getBytes(), value));
			}
		}
		for (Thread relay : relays) {
			relay.join(Duration.ofMinutes(5).toMillis());
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return new Result(arrived.get(), arrived.get() / seconds, hopLatency.percentileMillis(50));
	}

	private static void relay(String bootstrap, String from, String to, boolean last, int expected, AtomicLong arrived,
			Latencies hopLatency) {
		Map<String, Object> consumerConfig = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				ConsumerConfig.GROUP_ID_CONFIG, "ceiling-" + from, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
				ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
				new ByteArrayDeserializer());
				KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig(bootstrap),
						new ByteArraySerializer(), new ByteArraySerializer())) {
			consumer.subscribe(List.of(from));
			long seen = 0;
			long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
			while (seen < expected && System.nanoTime() < deadline) {
				for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					seen++;
					hopLatency.record(Math.max(0, System.currentTimeMillis() - record.timestamp()) * 1000);
					if (last) {
						arrived.incrementAndGet();
					}
					else {
						producer.send(new ProducerRecord<>(to, record.key(), record.value()));
					}
				}
				consumer.commitAsync();
			}
		}
	}

	/** As the services produce: acks=all, idempotent, no linger. */
	private static Map<String, Object> producerConfig(String bootstrap) {
		return Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
				ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.LINGER_MS_CONFIG, 0);
	}

	private static String topic(String run, int hop) {
		return "bench.ceiling." + run + ".hop" + hop;
	}
}
