package org.tipline.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one process), run from the kafka_2.13
 * jar in a child JVM on fixed ports. Its log lives in the data directory: the storage is formatted once, and a
 * restart finds every topic and offset where it was.
 */
final class KafkaBroker {

	/**
	 * The log cleaner compacts the offsets and other compacted topics. Kafka's default buffer for it is 128 MiB of
	 * heap, allocated and zeroed at start, so resident for good: a third of the broker's memory in the benchmark. 16 MiB
	 * still holds about 600,000 keys per cleaning pass, far more than one machine's consumer groups commit.
	 */
	private static final int CLEANER_DEDUPE_BUFFER_BYTES = 16 * 1024 * 1024;

	private KafkaBroker() {
	}

	static ChildProcess start(LocalSettings settings, String classpath) throws IOException, InterruptedException {
		Path home = settings.dataDir().resolve("kafka");
		Path logs = home.resolve("log");
		Files.createDirectories(logs);
		Path config = home.resolve("server.properties");
		Files.writeString(config, serverProperties(settings, logs));
		Path log4j = home.resolve("log4j2.properties");
		Files.writeString(log4j, """
				status = warn
				appender.out.type = Console
				appender.out.name = out
				appender.out.layout.type = PatternLayout
				appender.out.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n
				rootLogger.level = warn
				rootLogger.appenderRef.out.ref = out
				logger.kafka.name = kafka.server.KafkaRaftServer
				logger.kafka.level = info
				""");
		List<String> jvm = List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j,
				"-cp", classpath);
		Path processLogs = settings.dataDir().resolve("logs");
		if (!Files.exists(logs.resolve("meta.properties"))) {
			ChildProcess format = ChildProcess.startJava("kafka-storage-format", processLogs, jvm,
					List.of("kafka.tools.StorageTool", "format", "--cluster-id", Uuid.randomUuid().toString(),
							"--config", config.toString()));
			int exit = format.awaitExit(Duration.ofMinutes(2));
			if (exit != 0) {
				throw new IllegalStateException("formatting Kafka storage failed; see " + format.log());
			}
		}
		ChildProcess broker = ChildProcess.startJava("kafka", processLogs, jvm, List.of("kafka.Kafka", config.toString()));
		broker.awaitReady(() -> answers(settings.kafkaBootstrap()), Duration.ofMinutes(2));
		return broker;
	}

	private static boolean answers(String bootstrap) {
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
				AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
				3000))) {
			admin.describeCluster().nodes().get(4, TimeUnit.SECONDS);
			return true;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static String serverProperties(LocalSettings settings, Path logs) {
		String broker = "localhost:" + settings.kafkaPort();
		String controller = "localhost:" + settings.kafkaControllerPort();
		return """
				process.roles=broker,controller
				node.id=1
				controller.quorum.voters=1@%s
				listeners=PLAINTEXT://%s,CONTROLLER://%s
				advertised.listeners=PLAINTEXT://%s
				controller.listener.names=CONTROLLER
				inter.broker.listener.name=PLAINTEXT
				listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
				log.dirs=%s
				num.partitions=6
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				auto.create.topics.enable=true
				log.cleaner.dedupe.buffer.size=%d
				""".formatted(controller, broker, controller, broker, logs, CLEANER_DEDUPE_BUFFER_BYTES);
	}
}
