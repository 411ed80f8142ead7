package org.tipline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.stream.Stream;

/**
 * The embedded default: a real PostgreSQL, a real KRaft Kafka broker, the four services and the demo state
 * endpoint, each service in its own JVM as it would run in production. Started by {@code ./tipline local}; the
 * end-to-end suite starts it the same way.
 */
public final class LocalPipeline implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

	private final LocalSettings settings;

	private final List<ChildProcess> processes = new ArrayList<>();

	private EmbeddedDatabase database;

	private final Map<String, Service> services = new LinkedHashMap<>();

	private LocalPipeline(LocalSettings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) throws Exception {
		if (Arrays.asList(args).contains("--help")) {
			System.out.println(LocalSettings.usage());
			return;
		}
		LocalSettings settings;
		try {
			settings = LocalSettings.fromArguments(Path.of("").toAbsolutePath(), args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.exit(2);
			return;
		}
		LocalPipeline pipeline;
		try {
			pipeline = start(settings, System.out);
		}
		catch (Exception ex) {
			System.err.println("Tipline did not start: " + ex.getMessage());
			System.exit(1);
			return;
		}
		pipeline.printUrls(System.out);
		Thread.currentThread().join();
	}

	/**
	 * Starts everything and returns once every service reports ready. Whatever started is stopped again when
	 * the JVM exits (Ctrl-C, SIGTERM), so no broker or service outlives the launcher or a test run.
	 */
	public static LocalPipeline start(LocalSettings settings, PrintStream progress) throws Exception {
		LocalPipeline pipeline = new LocalPipeline(settings);
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			if (pipeline.isRunning()) {
				progress.println("Stopping Tipline...");
				pipeline.close();
				progress.println("Tipline stopped.");
			}
		}, "tipline-stop"));
		try {
			pipeline.start(progress);
			return pipeline;
		}
		catch (Exception ex) {
			pipeline.close();
			throw ex;
		}
	}

	private void start(PrintStream progress) throws IOException, InterruptedException, SQLException {
		Files.createDirectories(settings.dataDir());
		progress.println("Starting PostgreSQL on port " + settings.postgresPort() + "...");
		database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.postgresPort(), "intake",
				"triage", "dispatch", "audit");
		progress.println("Starting Kafka (KRaft) on port " + settings.kafkaPort() + "...");
		processes.add(KafkaBroker.start(settings, libraryClasspath()));
		progress.println("Starting the services...");
		for (Service service : services(WebhookSecrets.ensure(settings.dataDir()), LocalKeys.ensure(settings.dataDir()))) {
			services.put(service.name(), service);
			processes.add(service.start(settings));
		}
		for (Service service : services.values()) {
			process(service.name()).awaitReady(() -> ChildProcess.answers200(service.readiness()), READY_TIMEOUT);
			progress.println("  " + service.name() + " ready");
		}
	}

	/** Ends a part with SIGKILL: no shutdown hook, no offset commit, no flush, as a crash or an OOM kill would. */
	synchronized void kill(String name) throws InterruptedException {
		process(name).kill();
	}

	/** Asks a part to stop as an orchestrator would (SIGTERM), waiting up to {@code grace}. */
	synchronized void stop(String name, Duration grace) {
		process(name).stop(grace);
	}

	/** Starts a part again that was killed or stopped ({@code kafka} or a service), once it reports ready. */
	void restart(String name) throws IOException, InterruptedException {
		restart(name, List.of());
	}

	/**
	 * Stops a part if it still runs and starts it again with {@code extraArguments} after its usual ones (a later
	 * {@code --property=value} wins), e.g. dispatch with a policy of short deadlines.
	 */
	void restart(String name, List<String> extraArguments) throws IOException, InterruptedException {
		ChildProcess started;
		synchronized (this) {
			ChildProcess running = process(name);
			running.stop(Duration.ofSeconds(20));
			processes.remove(running);
			started = "kafka".equals(name) ? KafkaBroker.start(settings, libraryClasspath())
					: services.get(name).withExtra(extraArguments).start(settings);
			processes.add(started);
		}
		Service service = services.get(name);
		if (service != null) {
			started.awaitReady(() -> ChildProcess.answers200(service.readiness()), READY_TIMEOUT);
		}
	}

	/**
	 * Starts a second instance of each service, on its own port and in the same consumer groups, so two of each
	 * share the load as in a scale-out deployment. Returns the port of the second intake.
	 */
	int startSecondInstances(IntSupplier freePort, PrintStream progress) throws IOException, InterruptedException {
		List<Service> seconds = new ArrayList<>();
		for (Service service : List.copyOf(services.values())) {
			if (!service.name().endsWith("-service")) {
				continue;
			}
			Service second = service.secondInstance(freePort.getAsInt());
			synchronized (this) {
				services.put(second.name(), second);
				processes.add(second.start(settings));
			}
			seconds.add(second);
		}
		for (Service second : seconds) {
			process(second.name()).awaitReady(() -> ChildProcess.answers200(second.readiness()), READY_TIMEOUT);
			progress.println("  " + second.name() + " ready");
		}
		return services.get("intake-service-2").port();
	}

	/** Stops PostgreSQL and starts it again on the same cluster and port, as a database failover would look. */
	synchronized void restartDatabase(Duration down) throws IOException, SQLException, InterruptedException {
		database.close();
		Thread.sleep(down.toMillis());
		database = EmbeddedDatabase.start(settings.dataDir().resolve("postgres"), settings.postgresPort());
	}

	private ChildProcess process(String name) {
		return processes.stream()
			.filter((p) -> p.name().equals(name))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no process named " + name));
	}

	private List<Service> services(Path webhookSecrets, LocalKeys keys) throws IOException {
		String kafka = "--spring.kafka.bootstrap-servers=" + settings.kafkaBootstrap();
		String endpoint = settings.deliveryBaseUrl();
		return List.of(
				new Service("state-endpoint", "platform/state-endpoint", "state-endpoint", settings.stateEndpointPort(),
						LocalSettings.DEMO_ENDPOINT_JVM_OPTIONS,
						List.of("--tipline.state-endpoint.storage-dir=" + settings.dataDir().resolve("state-endpoint"))),
				new Service("intake-service", "intake-service", "intake-service", settings.intakePort(),
						settings.serviceJvmOptions(), List.of(kafka, "--spring.datasource.url=" + settings.jdbcUrl("intake"),
								"--tipline.intake.adapters.demo.key-sha256=" + keys.hashOf(LocalKeys.ADAPTER),
								// the benchmark drives the demo adapter well past a real adapter's pace
								"--tipline.intake.adapters.demo.requests-per-second=20000",
								"--tipline.intake.adapters.demo.burst=40000",
								"--tipline.field-encryption.public-keyset-file=" + keys.publicKeyset())),
				new Service("triage-service", "triage-service", "triage-service", settings.triagePort(),
						settings.serviceJvmOptions(), List.of(kafka, "--spring.datasource.url=" + settings.jdbcUrl("triage"),
								"--tipline.field-encryption.private-keyset-file=" + keys.privateKeyset())),
				new Service("dispatch-service", "dispatch-service", "dispatch-service", settings.dispatchPort(),
						settings.serviceJvmOptions(), List.of(kafka, "--spring.datasource.url=" + settings.jdbcUrl("dispatch"),
								"--spring.config.import=file:" + webhookSecrets,
								"--tipline.dispatch.endpoints.url-template=" + endpoint + "{state}/tips",
								"--tipline.dispatch.endpoints.fallback-url=" + endpoint + "NATIONAL/tips",
								// the demo endpoint is plain HTTP on this machine, which production refuses
								"--tipline.dispatch.outbound.allow-insecure-local-endpoints=true",
								"--tipline.dispatch.operators.operator.key-sha256=" + keys.hashOf(LocalKeys.OPERATOR),
								"--tipline.field-encryption.private-keyset-file=" + keys.privateKeyset())),
				new Service("audit-service", "audit-service", "audit-service", settings.auditPort(),
						settings.serviceJvmOptions(), List.of(kafka, "--spring.datasource.url=" + settings.jdbcUrl("audit"),
								"--tipline.audit.readers.analyst.key-sha256=" + keys.hashOf(LocalKeys.ANALYST),
								"--tipline.audit.readers.analyst.role=ANALYST",
								"--tipline.audit.readers.oversight.key-sha256=" + keys.hashOf(LocalKeys.OVERSIGHT),
								"--tipline.audit.readers.oversight.role=OVERSIGHT")));
	}

	void printUrls(PrintStream out) {
		out.println("Tipline is up");
		out.println("  intake          POST http://localhost:" + settings.intakePort() + "/v1/tips");
		out.println("  audit           GET  http://localhost:" + settings.auditPort() + "/v1/audit/tips/{tipId}");
		out.println("  state endpoint  GET  http://localhost:" + settings.stateEndpointPort() + "/states/{state}/tips");
		out.println("  triage          http://localhost:" + settings.triagePort() + "/actuator/health");
		out.println("  dispatch        http://localhost:" + settings.dispatchPort() + "/actuator/health");
		out.println("  metrics         http://localhost:{8081..8084}/actuator/prometheus");
		out.println("  kafka           " + settings.kafkaBootstrap());
		out.println("  postgresql      " + settings.jdbcUrl("{intake,triage,dispatch,audit}") + " (user postgres)");
		out.println("  data and logs   " + settings.dataDir());
		out.println("  webhook secret  " + settings.dataDir().resolve(WebhookSecrets.FILE_NAME)
				+ " (verify deliveries with it)");
		Path keys = settings.dataDir().resolve("keys");
		out.println("  adapter key     " + keys.resolve(LocalKeys.ADAPTER) + " (Authorization: Bearer <key> on intake)");
		out.println("  audit keys      " + keys.resolve(LocalKeys.ANALYST) + ", " + keys.resolve(LocalKeys.OVERSIGHT));
		out.println("  operator key    " + keys.resolve(LocalKeys.OPERATOR) + " (dispatch's /v1/dispatch API)");
		out.println("Press Ctrl-C to stop everything.");
	}

	synchronized boolean isRunning() {
		return database != null || !processes.isEmpty();
	}

	LocalSettings settings() {
		return settings;
	}

	/** The HTTP ports of a service's instances: one, or two after {@link #startSecondInstances}. */
	synchronized List<Integer> portsOf(String service) {
		return services.values()
			.stream()
			.filter((instance) -> instance.name().equals(service) || instance.name().equals(service + "-2"))
			.map(Service::port)
			.toList();
	}

	/** The operating-system process of each part, by name, for measuring them. */
	Map<String, Long> processIds() {
		Map<String, Long> pids = new LinkedHashMap<>();
		processes.forEach((process) -> pids.put(process.name(), process.pid()));
		return pids;
	}

	/** Stops the services first, so nothing is left consuming, then Kafka, then PostgreSQL. */
	@Override
	public synchronized void close() {
		List<ChildProcess> reversed = new ArrayList<>(processes);
		Collections.reverse(reversed);
		reversed.stream().filter((p) -> !p.name().equals("kafka")).parallel().forEach((p) -> p.stop(Duration.ofSeconds(20)));
		reversed.stream().filter((p) -> p.name().equals("kafka")).forEach((p) -> p.stop(Duration.ofSeconds(30)));
		processes.clear();
		if (database != null) {
			try {
				database.close();
			}
			catch (IOException ex) {
				System.err.println("PostgreSQL did not stop cleanly: " + ex.getMessage());
			}
			database = null;
		}
	}

	private String libraryClasspath() {
		Path lib = settings.repository().resolve("platform/local/target/lib");
		if (!Files.isDirectory(lib)) {
			throw new IllegalStateException(lib + " is missing: build first (./mvnw -DskipTests package)");
		}
		return lib + "/*";
	}

	private record Service(String name, String module, String artifactId, int port, String jvmOptions,
			List<String> arguments) {

		Service secondInstance(int secondPort) {
			return new Service(name + "-2", module, artifactId, secondPort, jvmOptions, arguments);
		}

		Service withExtra(List<String> extraArguments) {
			List<String> all = new ArrayList<>(arguments);
			all.addAll(extraArguments);
			return new Service(name, module, artifactId, port, jvmOptions, all);
		}

		ChildProcess start(LocalSettings settings) throws IOException {
			List<String> jvm = new ArrayList<>(Arrays.asList(jvmOptions.trim().split("\\s+")));
			List<String> main = new ArrayList<>(List.of("-jar", jar(settings.repository()).toString(),
					"--server.port=" + port));
			main.addAll(arguments);
			return ChildProcess.startJava(name, settings.dataDir().resolve("logs"), jvm, main);
		}

		URI readiness() {
			return URI.create("http://localhost:" + port + "/actuator/health/readiness");
		}

		private Path jar(Path repository) throws IOException {
			Path target = repository.resolve(module).resolve("target");
			try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
				return files.filter((f) -> f.getFileName().toString().startsWith(artifactId + "-")
						&& f.getFileName().toString().endsWith(".jar"))
					.findFirst()
					.orElseThrow(() -> new IllegalStateException("no jar of " + module + " in " + target
							+ ": build first (./mvnw -DskipTests package)"));
			}
		}
	}
}
