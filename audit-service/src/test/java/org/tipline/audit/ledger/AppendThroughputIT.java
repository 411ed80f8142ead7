package org.tipline.audit.ledger;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.tipline.audit.AuditApplication;
import org.tipline.audit.PipelineEvents;
import org.tipline.events.Topics;
import org.tipline.security.ApiKeys;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A measurement, not a test: how many entries per second audit stores when its topics hold a backlog. Run by hand,
 * alone, so nothing else competes for the broker and the database:
 *
 * <pre>
 * ./mvnw -B -o -q -pl audit-service verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=AppendThroughputIT -Dtipline.audit.throughput=true [-Dtipline.audit.throughput.tips=4000]
 * </pre>
 *
 * Every tip is what the pipeline publishes for a forwarded tip: received, triaged, linked to the tip before it,
 * decided and delivered, five events and six entries. All are published before the service starts, so the rate is
 * what audit can take, not what the publisher sends. The database commits synchronously, as a production one does
 * (the shared test server does not, to be quick); {@code -Dtipline.audit.throughput.synchronous-commit=off} measures
 * without the disk flush.
 */
@EnabledIfSystemProperty(named = "tipline.audit.throughput", matches = "true")
class AppendThroughputIT {

	private static final String DATABASE = "audit_throughput";

	private static final int EVENTS_PER_TIP = 5;

	private static final int ENTRIES_PER_TIP = 6;

	@Test
	void reportsEntriesStoredPerSecondFromABacklog() throws Exception {
		int tips = Integer.getInteger("tipline.audit.throughput.tips", 4000);
		String synchronousCommit = System.getProperty("tipline.audit.throughput.synchronous-commit", "on");
		String jdbcUrl = SharedPostgres.jdbcUrl(DATABASE);
		try (Connection owner = ownerConnection(jdbcUrl); Statement statement = owner.createStatement()) {
			statement.execute("ALTER DATABASE " + DATABASE + " SET synchronous_commit = " + synchronousCommit);
		}
		createTopicsAsTheServiceWould();

		long publishStarted = System.nanoTime();
		publishBacklog(tips);
		System.out.printf("audit throughput: published %d events of %d tips in %.1f s%n", tips * EVENTS_PER_TIP, tips,
				seconds(System.nanoTime() - publishStarted));

		long expected = (long) tips * ENTRIES_PER_TIP;
		try (ConfigurableApplicationContext service = start(jdbcUrl);
				Connection reader = ownerConnection(jdbcUrl)) {
			long deadline = System.nanoTime() + Duration.ofMinutes(20).toNanos();
			long firstSeenAt = 0;
			long countWhenFirstSeen = 0;
			long lastReportAt = System.nanoTime();
			long count = 0;
			while (count < expected && System.nanoTime() < deadline) {
				Thread.sleep(100);
				count = entries(reader);
				long now = System.nanoTime();
				if (firstSeenAt == 0 && count > 0) {
					firstSeenAt = now;
					countWhenFirstSeen = count;
				}
				if (now - lastReportAt > Duration.ofSeconds(10).toNanos()) {
					System.out.printf("audit throughput: %d of %d entries stored%n", count, expected);
					lastReportAt = now;
				}
			}
			double elapsed = seconds(System.nanoTime() - firstSeenAt);
			double entriesPerSecond = (count - countWhenFirstSeen) / elapsed;
			System.out.printf(
					"audit throughput: %d entries stored, %.1f s from the first to the last: %.0f entries/s, %.0f events/s "
							+ "(synchronous_commit=%s)%n",
					count, elapsed, entriesPerSecond, entriesPerSecond * EVENTS_PER_TIP / ENTRIES_PER_TIP,
					synchronousCommit);
			assertThat(count).isEqualTo(expected);
			assertThat(maxSeq(reader)).isEqualTo(expected - 1);
		}
	}

	/**
	 * As the binder provisions them (min-partition-count 6), so both consumer threads have partitions to read; and
	 * only once every partition has a leader, else the first sends of a fresh broker are refused.
	 */
	private static void createTopicsAsTheServiceWould() throws Exception {
		List<String> topics = List.of(Topics.TIPS_RECEIVED, Topics.TIPS_TRIAGED, Topics.TIPS_LINKED, Topics.TIPS_DECIDED,
				Topics.TIPS_DELIVERIES);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers()))) {
			admin.createTopics(topics.stream().map((topic) -> new NewTopic(topic, 6, (short) 1)).toList()).all().get();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> admin.describeTopics(topics)
					.allTopicNames()
					.get()
					.values()
					.stream()
					.flatMap((topic) -> topic.partitions().stream())
					.allMatch((partition) -> partition.leader() != null && !partition.leader().isEmpty()));
		}
	}

	private static void publishBacklog(int tips) {
		Instant at = Instant.parse("2026-05-01T00:00:00Z");
		UUID previous = UUID.randomUUID();
		try (PipelineEvents events = PipelineEvents.withoutWaiting()) {
			for (int i = 0; i < tips; i++) {
				UUID tip = UUID.randomUUID();
				Instant receivedAt = at.plusSeconds(i);
				events.received(tip, receivedAt);
				events.triaged(tip, receivedAt.plusMillis(300), "OH", "P2");
				events.linked(previous, tip, receivedAt.plusMillis(350));
				events.decided(tip, "decided-" + tip, receivedAt.plusMillis(500), "FORWARD", "STATE_HAS_ENDPOINT", "OH",
						"P2", receivedAt.plusSeconds(3600));
				events.delivered(tip, receivedAt.plusSeconds(2), "OH");
				previous = tip;
			}
		}
	}

	private static ConfigurableApplicationContext start(String jdbcUrl) {
		return new SpringApplicationBuilder(AuditApplication.class).run("--server.port=0",
				"--spring.kafka.bootstrap-servers=" + SharedKafka.bootstrapServers(), "--spring.datasource.url=" + jdbcUrl,
				"--spring.cloud.stream.bindings.recordHop-in-0.group=audit-throughput",
				"--tipline.audit.readers.throughput.key-sha256=" + ApiKeys.sha256Hex(ApiKeys.generate()),
				"--tipline.audit.readers.throughput.role=OVERSIGHT");
	}

	private static Connection ownerConnection(String jdbcUrl) throws SQLException {
		return DriverManager.getConnection(jdbcUrl, SharedPostgres.username(), SharedPostgres.password());
	}

	private static long entries(Connection connection) throws SQLException {
		return single(connection, "SELECT count(*) FROM audit_entry");
	}

	private static long maxSeq(Connection connection) throws SQLException {
		return single(connection, "SELECT max(seq) FROM audit_entry");
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	private static double seconds(long nanos) {
		return nanos / 1e9;
	}
}
