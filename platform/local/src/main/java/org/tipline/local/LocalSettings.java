package org.tipline.local;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
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
	 * The services' JVMs run both compilers. On five JVMs, Kafka and PostgreSQL sharing two cores, C2 is still
	 * compiling minutes into a full load, so a cold start at 100 tips/s leaves a larger backlog than with C1 alone;
	 * once warm, C2's code takes the tail latency at 100 tips/s from about 2.3 s to 0.3–1.0 s (docs/benchmarks.md,
	 * runs 25 and 29–36). The native memory the compilers free is handed back to the system every 5 s; the option
	 * exists from JDK 17.0.9 and is ignored by older ones. A deployment gives its own options.
	 */
	static final String SERVICE_JVM_OPTIONS = "-Xms64m -Xmx256m -XX:+UseSerialGC -XX:+IgnoreUnrecognizedVMOptions "
			+ "-XX:TrimNativeHeapInterval=5000";

	/**
	 * The demo state endpoint stands in for a state's system: it stores and lists what it receives, takes a few
	 * requests a second in a demo and none in a benchmark (whose simulator receives instead), and is kept small.
	 */
	static final String DEMO_ENDPOINT_JVM_OPTIONS = "-Xms16m -Xmx96m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

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

	/** A connection to one of the embedded cluster's databases as its superuser, for the benchmark's readings. */
	Connection connect(String database) throws SQLException {
		return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
	}

	private static int port(Map<String, String> given, String name, int fallback) {
		String value = given.remove(name);
		return (value != null) ? Integer.parseInt(value) : fallback;
	}
}
