package org.tipline.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code ./tipline bench}: measures, in one go on the embedded default, the machine's Kafka ceiling for the
 * pipeline's shape and the full pipeline under load (HTTP intake, triage, dispatch, signed HTTP delivery to a
 * simulated state endpoint, all audited), and appends the figures to docs/benchmarks.md.
 */
public final class Benchmark {

	private static final Set<String> SERVICE_GROUPS = Set.of("triage-service", "dispatch-service", "audit-service");

	private Benchmark() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		double rate = Double.parseDouble(options.getOrDefault("rate", "100"));
		Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup-seconds", "300")));
		Duration measure = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
		int ceilingRecords = Integer.parseInt(options.getOrDefault("ceiling-records", "100000"));
		Duration endpointDelay = Duration.ofMillis(Long.parseLong(options.getOrDefault("endpoint-delay-ms", "0")));
		double endpointFailures = Double.parseDouble(options.getOrDefault("endpoint-failure-share", "0"));
		int instances = Integer.parseInt(options.getOrDefault("instances", "1"));
		Duration drainLimit = Duration.ofSeconds(Long.parseLong(options.getOrDefault("drain-seconds", "180")));
		if (instances != 1 && instances != 2) {
			throw new IllegalArgumentException("--instances is 1 or 2 (of each service)");
		}
		Path repository = Path.of("").toAbsolutePath();
		Path results = repository.resolve(options.getOrDefault("results", "docs/benchmarks.md"));
		PrintStream out = System.out;

		try (StateEndpointSimulator states = new StateEndpointSimulator(endpointDelay, endpointFailures)) {
			LocalSettings defaults = LocalSettings.defaults(repository);
			LocalSettings settings = new LocalSettings(repository,
					repository.resolve("target/bench-" + UUID.randomUUID().toString().substring(0, 8)), freePort(),
					freePort(), freePort(), freePort(), freePort(), freePort(), freePort(), freePort(),
					options.getOrDefault("service-jvm-options", defaults.serviceJvmOptions()), states.baseUrl());
			LocalPipeline pipeline = LocalPipeline.start(settings, out);
			try {
				List<URI> intakes = new ArrayList<>(List.of(URI.create("http://localhost:" + settings.intakePort())));
				if (instances == 2) {
					out.println("Starting a second instance of each service...");
					intakes.add(URI.create("http://localhost:" + pipeline.startSecondInstances(Benchmark::freePortOrFail, out)));
				}
				out.println("Kafka ceiling: " + ceilingRecords + " records of 2 KiB through " + KafkaCeiling.HOPS
						+ " consume-produce hops...");
				KafkaCeiling.Result ceiling = KafkaCeiling.measure(settings.kafkaBootstrap(), ceilingRecords, 2048);
				out.printf("  %.0f records/s end to end, hop p50 %.1f ms%n", ceiling.recordsPerSecond(),
						ceiling.hopP50Millis());

				ChannelAdapterSimulator adapters = new ChannelAdapterSimulator(intakes,
						LocalKeys.ensure(settings.dataDir()).adapterKey(), UUID.randomUUID().toString());
				String rateText = (rate > 0) ? String.format("%.0f tips/s", rate) : "as fast as possible";
				out.println("Pipeline at " + rateText + ": warm-up " + warmup.toSeconds() + " s, then "
						+ measure.toSeconds() + " s measured");
				adapters.post(rate, warmup, 256, "warm-up", out);
				List<Integer> dispatchPorts = pipeline.portsOf("dispatch-service");
				String drained = drain(settings.kafkaBootstrap(), dispatchPorts, drainLimit, out);
				adapters.reset();
				states.reset();
				Map<String, Long> lagBefore = ConsumerLag.of(settings.kafkaBootstrap(), SERVICE_GROUPS);
				Map<String, ProcessUsage> before = usage(pipeline, settings.postgresPort());
				PostgresConnections connectionsBefore = PostgresConnections.read(settings);
				DispatchDecisions decidedBefore = DispatchScrape.of(dispatchPorts).decisions();
				long startNanos = System.nanoTime();
				Instant windowStart = Instant.now();
				adapters.post(rate, measure, 256, "measured", out);
				Instant windowEnd = Instant.now();
				double postingSeconds = (System.nanoTime() - startNanos) / 1e9;
				DispatchDecisions decided = DispatchScrape.of(dispatchPorts).decisions().since(decidedBefore);
				long acceptedInWindow = adapters.accepted();
				Thread.sleep(5000);
				double seconds = (System.nanoTime() - startNanos) / 1e9;
				Map<String, ProcessUsage> after = usage(pipeline, settings.postgresPort());
				double postgresCores = (after.get("postgresql").cpuSeconds() - before.get("postgresql").cpuSeconds())
						/ seconds;
				String postgresByDatabase = PostgresConnections.read(settings)
					.reportSince(connectionsBefore, seconds, postgresCores);
				Map<String, Long> lagAfter = ConsumerLag.of(settings.kafkaBootstrap(), SERVICE_GROUPS);
				String report = report(rateText, measure, acceptedInWindow, adapters, decided.total() / postingSeconds,
						decided, states, seconds, ceiling, before, after) + postgresByDatabase
						+ "| warm-up's backlog, before the window | " + drained + " |\n" + lagReport(lagBefore, lagAfter)
						+ stages(settings, windowStart, windowEnd);
				out.println(report);
				Files.writeString(results, "\n" + section(options, report), StandardOpenOption.CREATE,
						StandardOpenOption.APPEND);
				out.println("Appended to " + results);
			}
			finally {
				pipeline.close();
			}
		}
		System.exit(0);
	}

	/**
	 * @param decidedPerSecond the sustained rate: tips decided while the window's load was posted, per second.
	 * Every tip ends in a decision, forwarded or not; the state endpoints see only the forwarded ones.
	 * @param seconds the window and the 5 s after it, over which deliveries, CPU and lag are read
	 */
	private static String report(String rateText, Duration measure, long accepted, ChannelAdapterSimulator adapters,
			double decidedPerSecond, DispatchDecisions decided, StateEndpointSimulator states, double seconds,
			KafkaCeiling.Result ceiling, Map<String, ProcessUsage> before, Map<String, ProcessUsage> after) {
		StringBuilder text = new StringBuilder();
		text.append(String.format("| offered | %s for %d s |%n", rateText, measure.toSeconds()));
		text.append(String.format("| accepted by intake (202) | %d (%.0f tips/s), %d refused |%n", accepted,
				accepted / (double) measure.toSeconds(), adapters.refused()));
		text.append(String.format("| decided by dispatch during the window | %d (%.0f tips/s sustained): %s |%n",
				decided.total(), decidedPerSecond, decided.breakdown()));
		text.append(String.format("| delivered to the state endpoints by 5 s after the window | %d, %d repeats of a "
				+ "webhook-id |%n", states.delivered(), states.duplicates()));
		text.append(String.format("| intake answer p50 / p99 | %.1f ms / %.1f ms |%n",
				adapters.latencies().percentileMillis(50), adapters.latencies().percentileMillis(99)));
		text.append(String.format("| intake to delivered p50 / p95 / p99 | %.1f ms / %.1f ms / %.1f ms |%n",
				states.latencies().percentileMillis(50), states.latencies().percentileMillis(95),
				states.latencies().percentileMillis(99)));
		text.append(String.format("| delivered within deadline | %.1f %% |%n",
				100.0 * states.withinDeadline() / Math.max(1, states.delivered())));
		text.append(String.format("| Kafka ceiling (same broker, %d hops, acks=all) | %.0f records/s, hop p50 %.1f ms |%n",
				KafkaCeiling.HOPS, ceiling.recordsPerSecond(), ceiling.hopP50Millis()));
		text.append(String.format("| pipeline / ceiling | %.3f |%n", decidedPerSecond / ceiling.recordsPerSecond()));
		ProcessUsage total = new ProcessUsage(0, 0, 0);
		for (Map.Entry<String, ProcessUsage> process : after.entrySet()) {
			ProcessUsage start = before.get(process.getKey());
			ProcessUsage end = process.getValue();
			double cpu = (start != null) ? (end.cpuSeconds() - start.cpuSeconds()) / seconds : Double.NaN;
			total = total.plus(end);
			text.append(String.format("| %s | %.0f %% of a core, %d MiB proportional, %d MiB resident |%n",
					process.getKey(), 100 * cpu, end.proportionalBytes() >> 20, end.residentBytes() >> 20));
		}
		text.append(String.format("| all processes, PostgreSQL included | %d MiB proportional (summed resident sets, "
				+ "as runs 1-30 counted: %d MiB) |%n", total.proportionalBytes() >> 20, total.residentBytes() >> 20));
		return text.toString();
	}

	/**
	 * Waits, posting nothing, until every service has read everything the warm-up left and dispatch has made every
	 * delivery it decided, or the limit has passed. The backlog a cold JVM builds up would otherwise drain through
	 * the measured window, whose latencies would then measure the warm-up; the window's lag rows still show whether
	 * the rate itself builds a new one. Deliveries count too: dispatch can have read every decision and still be
	 * delivering them, and those deliveries took the first half of a window's CPU (docs/benchmarks.md, run 33).
	 */
	private static String drain(String bootstrap, List<Integer> dispatchPorts, Duration limit, PrintStream out)
			throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		long started = System.nanoTime();
		long unread = unread(bootstrap);
		long undelivered = DispatchScrape.of(dispatchPorts).undelivered();
		while ((unread > 0 || undelivered > 0) && System.nanoTime() < deadline) {
			out.printf("\r  draining  %8d records not yet read by the services, %8d deliveries not yet made   ", unread,
					undelivered);
			Thread.sleep(1000);
			unread = unread(bootstrap);
			undelivered = DispatchScrape.of(dispatchPorts).undelivered();
		}
		long waited = Duration.ofNanos(System.nanoTime() - started).toSeconds();
		String drained = (unread == 0 && undelivered == 0) ? "worked off in " + waited + " s, posting nothing"
				: unread + " records still unread and " + undelivered + " deliveries not made after " + waited
						+ " s; measured anyway";
		out.printf("\r  draining  %s%n", drained);
		return drained;
	}

	private static long unread(String bootstrap) throws Exception {
		return ConsumerLag.of(bootstrap, SERVICE_GROUPS).values().stream().mapToLong(Long::longValue).sum();
	}

	/** Records not yet read by each service, per topic: the stage whose backlog grows is the one behind. */
	private static String lagReport(Map<String, Long> before, Map<String, Long> after) {
		StringBuilder text = new StringBuilder();
		after.forEach((groupAndTopic, lag) -> {
			if (lag > 0 || before.getOrDefault(groupAndTopic, 0L) > 0) {
				text.append(String.format("| not yet read: %s | %d at the start of the window, %d at its end |%n",
						groupAndTopic, before.getOrDefault(groupAndTopic, 0L), lag));
			}
		});
		return text.toString();
	}

	/** Read after the 5 s that follow the window, so audit has caught up with all but the last deliveries. */
	private static String stages(LocalSettings settings, Instant from, Instant to) {
		try {
			return TipStages.read(settings, from, to).report();
		}
		catch (SQLException ex) {
			return "| stages (audit log) | not read: " + ex.getMessage() + " |\n";
		}
	}

	private static String section(Map<String, String> options, String report) {
		return "### Pipeline benchmark, " + Instant.now() + "\n\n`./tipline bench " + String.join(" ",
				options.entrySet().stream().map((o) -> "--" + o.getKey() + "=" + o.getValue()).toList()) + "` on "
				+ Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
				+ System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + "\n\n| measure | value |\n|---|---|\n"
				+ report;
	}

	private static Map<String, ProcessUsage> usage(LocalPipeline pipeline, int postgresPort) {
		Map<String, ProcessUsage> usage = new LinkedHashMap<>();
		pipeline.processIds().forEach((name, pid) -> usage.put(name, ProcessUsage.of(pid)));
		usage.put("postgresql", postgresUsage(postgresPort));
		return usage;
	}

	/**
	 * PostgreSQL is a server process and one process per connection, started by pg_ctl rather than by this JVM:
	 * found by the port on its command line, with every process under it. Both its memory figures are their
	 * proportional share (PSS): summing resident sets would count the shared buffers once per connection.
	 */
	private static ProcessUsage postgresUsage(int port) {
		return ProcessHandle.allProcesses()
			.filter((process) -> process.info().command().orElse("").endsWith("/postgres")
					&& String.join(" ", process.info().arguments().orElse(new String[0])).contains("-p " + port))
			.flatMap((server) -> java.util.stream.Stream.concat(java.util.stream.Stream.of(server), server.descendants()))
			.map((process) -> ProcessUsage.of(process.pid()))
			// a connection or autovacuum worker that ended while being read is left out: PostgreSQL's CPU figure
			// then misses that process's share, a small understatement instead of no figure at all
			.filter((usage) -> !Double.isNaN(usage.cpuSeconds()))
			.map((usage) -> new ProcessUsage(usage.cpuSeconds(), usage.proportionalBytes(), usage.proportionalBytes()))
			.reduce(new ProcessUsage(0, 0, 0), ProcessUsage::plus);
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("usage: ./tipline bench [--rate=100 (0: as fast as possible)] "
						+ "[--warmup-seconds=300] [--seconds=60] [--ceiling-records=100000] [--endpoint-delay-ms=0] "
						+ "[--endpoint-failure-share=0] [--instances=1 (2: two of each service)] [--results=docs/benchmarks.md]");
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		return options;
	}

	private static int freePortOrFail() {
		try {
			return freePort();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
