package org.tipline.local;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One pipeline, started by the launcher exactly as {@code ./tipline local} starts it but on free ports and its own
 * data directory, shared by every suite of this module (starting it takes a minute), with the calls the suites make
 * as an adapter, an oversight reader and a state would. Stopped by the launcher's shutdown hook when the JVM exits.
 */
final class TestPipeline {

	static final List<String> ENDPOINTS = List.of("FL", "TX", "GA", "OH", "NY", "NATIONAL");

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private static TestPipeline shared;

	final LocalPipeline pipeline;

	final LocalKeys keys;

	final String run;

	private TestPipeline(LocalPipeline pipeline, LocalKeys keys, String run) {
		this.pipeline = pipeline;
		this.keys = keys;
		this.run = run;
	}

	static synchronized TestPipeline shared() throws Exception {
		if (shared == null) {
			String run = UUID.randomUUID().toString().substring(0, 8);
			Path repository = Path.of("").toAbsolutePath().resolve("../..").normalize();
			LocalSettings defaults = LocalSettings.defaults(repository);
			LocalSettings settings = new LocalSettings(repository, Path.of("target", "e2e-" + run).toAbsolutePath(),
					freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
					// the suites read the services' logs for personal data, so every line Tipline writes is in them; they
					// run minutes, not the long load where C2 pays for its compiling, so the services stop at C1
					defaults.serviceJvmOptions() + " -XX:TieredStopAtLevel=1 -Dlogging.level.org.tipline=DEBUG", null);
			LocalPipeline pipeline = LocalPipeline.start(settings, System.out);
			shared = new TestPipeline(pipeline, LocalKeys.ensure(settings.dataDir()), run);
		}
		return shared;
	}

	LocalSettings settings() {
		return pipeline.settings();
	}

	/** A tip as a channel adapter would post it; {@code location} and {@code callerPhone} may be null. */
	static Map<String, Object> tip(String channel, String messageId, String role, String consent, String narrative,
			Map<String, String> location, String callerPhone) {
		Map<String, Object> reporter = new HashMap<>();
		reporter.put("role", role);
		if (consent != null) {
			reporter.put("consentToLawEnforcement", consent);
		}
		Map<String, Object> tip = new HashMap<>(Map.of("channel", channel, "channelMessageId", messageId, "language",
				"en", "reporter", reporter, "narrative", narrative));
		if (location != null) {
			tip.put("location", location);
		}
		if (callerPhone != null) {
			tip.put("callerPhone", callerPhone);
		}
		return tip;
	}

	HttpResponse<String> post(String path, Object body) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(settings().intakePort(), path))
			.header("Content-Type", "application/json")
			.header("Authorization", "Bearer " + keys.adapterKey())
			.POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Read with the oversight key: the suites look at decision outcomes, which analysts do not see. */
	HttpResponse<String> audit(String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(settings().auditPort(), path))
			.header("Authorization", "Bearer " + keys.oversightKey())
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(int port, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(port, path)).GET().build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(int port, String path, String accept) throws Exception {
		return http.send(HttpRequest.newBuilder(uri(port, path)).header("Accept", accept).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	/** The tip's audit entries in log order; empty while the log has none. */
	List<JsonNode> entries(String tipId) throws Exception {
		HttpResponse<String> response = audit("/v1/audit/tips/" + tipId);
		List<JsonNode> entries = new ArrayList<>();
		if (response.statusCode() == 200) {
			json.readTree(response.body()).path("entries").forEach(entries::add);
		}
		return entries;
	}

	List<String> hops(String tipId) throws Exception {
		return entries(tipId).stream().map((entry) -> entry.path("hop").asString()).toList();
	}

	List<String> outcomes(String tipId, String hop) throws Exception {
		return entries(tipId).stream()
			.filter((entry) -> hop.equals(entry.path("hop").asString()))
			.map((entry) -> entry.path("outcome").asString())
			.toList();
	}

	JsonNode entry(String tipId, String hop) throws Exception {
		List<JsonNode> entries = entries(tipId);
		return entries.stream()
			.filter((entry) -> hop.equals(entry.path("hop").asString()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("tip " + tipId + " has no " + hop + " entry: " + entries));
	}

	/** A delivery as the demo state endpoint kept it: headers and raw body. */
	record Delivered(String endpoint, String tipId, String webhookId, String body,
			Map<String, List<String>> signatureHeaders) {
	}

	List<Delivered> deliveries() throws Exception {
		List<Delivered> all = new ArrayList<>();
		for (String endpoint : ENDPOINTS) {
			HttpResponse<String> response = get(settings().stateEndpointPort(), "/states/" + endpoint + "/tips");
			if (response.statusCode() != 200) {
				throw new AssertionError("the demo endpoint answered " + response.statusCode() + " for " + endpoint);
			}
			for (JsonNode delivery : json.readTree(response.body())) {
				JsonNode body = json.readTree(delivery.path("body").asString());
				Map<String, List<String>> signature = new HashMap<>();
				for (String name : List.of("webhook-id", "webhook-timestamp", "webhook-signature")) {
					signature.put(name, List.of(delivery.path("headers").path(name).asString()));
				}
				all.add(new Delivered(endpoint, body.path("tipId").asString(),
						delivery.path("headers").path("webhook-id").asString(), delivery.path("body").asString(),
						signature));
			}
		}
		return all;
	}

	/** Every record of {@code topic}, read from the beginning to where it ended when asked. */
	List<ConsumerRecord<byte[], byte[]>> records(String topic) {
		Properties config = new Properties();
		config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings().kafkaBootstrap());
		config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
		List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
		try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
				new ByteArrayDeserializer())) {
			List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10))
				.stream()
				.map((info) -> new TopicPartition(topic, info.partition()))
				.toList();
			consumer.assign(partitions);
			consumer.seekToBeginning(partitions);
			Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (partitions.stream().anyMatch((p) -> consumer.position(p) < ends.get(p))
					&& System.nanoTime() < deadline) {
				consumer.poll(Duration.ofMillis(500)).forEach(records::add);
			}
		}
		return records;
	}

	static JsonNode parse(String text) {
		return json.readTree(text);
	}

	private static URI uri(int port, String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
