package org.tipline.local;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Everything the embedded default can be told, from {@code --name=value} arguments. Ports default to the
 * documented ones; the data directory holds Kafka's log, PostgreSQL's cluster, the demo endpoint's deliveries
 * and every process's log, so a restart keeps what was there.
 */
record LocalSettings(Path repository, Path dataDir, int kafkaPort, int kafkaControllerPort, int postgresPort,
		int intakePort, int triagePort, int dispatchPort, int auditPort, int stateEndpointPort, String serviceJvmOptions,
		String stateEndpointBaseUrl) {

	/**
	 * The services' JVMs stop at the C1 compiler. With five JVMs, Kafka and PostgreSQL on two cores, each JVM's C2
	 * compiler was still busy minutes into a load and most code ran meanwhile in C1's slower profiling tier; at
	 * 100 tips/s the backlog that built up during the warm-up was a third as large with C1 alone, and the whole
	 * pipeline took 1,837 MiB instead of 2,261 (docs/benchmarks.md, runs 13 and 14). A deployment with cores to
	 * spare gives its own options.
	 */
	static final String SERVICE_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	static LocalSettings defaults(Path repository) {
		return new LocalSettings(repository, repository.resolve(".tipline"), 9092, 9093, 5433, 8081, 8082, 8083, 8084,
				8090, SERVICE_JVM_OPTIONS, null);
	}

	static LocalSettings fromArguments(Path repository, String... args) {
		Map<String, String> given = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("expected --name=value, got " + arg + "\n" + usage());
			}
			given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		LocalSettings d = defaults(repository);
		LocalSettings settings = new LocalSettings(repository,
				given.containsKey("data-dir") ? Path.of(given.remove("data-dir")).toAbsolutePath() : d.dataDir(),
				port(given, "kafka-port", d.kafkaPort()), port(given, "kafka-controller-port", d.kafkaControllerPort()),
				port(given, "postgres-port", d.postgresPort()), port(given, "intake-port", d.intakePort()),
				port(given, "triage-port", d.triagePort()), port(given, "dispatch-port", d.dispatchPort()),
				port(given, "audit-port", d.auditPort()), port(given, "state-endpoint-port", d.stateEndpointPort()),
				given.containsKey("service-jvm-options") ? given.remove("service-jvm-options") : d.serviceJvmOptions(),
				null);
		if (!given.isEmpty()) {
			throw new IllegalArgumentException("unknown option(s) " + given.keySet() + "\n" + usage());
		}
		return settings;
	}

	static String usage() {
		return """
				usage: ./tipline local [--data-dir=./.tipline] [--kafka-port=9092] [--kafka-controller-port=9093]
				         [--postgres-port=5433] [--intake-port=8081] [--triage-port=8082] [--dispatch-port=8083]
				         [--audit-port=8084] [--state-endpoint-port=8090] [--service-jvm-options="-Xmx256m ..."]""";
	}

	/** Where dispatch delivers: the demo state endpoint unless a benchmark put its simulator there. */
	String deliveryBaseUrl() {
		return (stateEndpointBaseUrl != null) ? stateEndpointBaseUrl : "http://localhost:" + stateEndpointPort + "/states/";
	}

	String kafkaBootstrap() {
		return "localhost:" + kafkaPort;
	}

	String jdbcUrl(String database) {
		return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
	}

	private static int port(Map<String, String> given, String name, int fallback) {
		String value = given.remove(name);
		return (value != null) ? Integer.parseInt(value) : fallback;
	}
}
