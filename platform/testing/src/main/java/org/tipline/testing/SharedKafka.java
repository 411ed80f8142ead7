package org.tipline.testing;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real KRaft Kafka broker per test JVM, started on first use and stopped when the JVM exits, so every
 * integration test of a module shares it instead of paying the start-up again.
 */
public final class SharedKafka {

	private static EmbeddedKafkaKraftBroker broker;

	private SharedKafka() {
	}

	public static synchronized String bootstrapServers() {
		if (broker == null) {
			EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 3);
			started.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0", "offsets.topic.replication.factor",
					"1", "transaction.state.log.replication.factor", "1", "transaction.state.log.min.isr", "1",
					"min.insync.replicas", "1", "auto.create.topics.enable", "true"));
			started.afterPropertiesSet();
			Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "shared-kafka-stop"));
			broker = started;
		}
		return broker.getBrokersAsString();
	}
}
