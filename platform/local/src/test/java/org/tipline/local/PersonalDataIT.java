package org.tipline.local;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.tipline.local.TestPipeline.Delivered;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tip's personal data reaches the state that may act on it and nobody else: after a tip with marked personal
 * data has gone through the whole pipeline, a dump of every Kafka topic, every table of every service's database
 * and every service's log holds none of it, while the state's delivery holds all of it.
 */
class PersonalDataIT {

	private static TestPipeline tipline;

	@BeforeAll
	static void startPipeline() throws Exception {
		tipline = TestPipeline.shared();
	}

	@Test
	void onlyTheStateSeesTheNarrativeAndContactDetailsNeverATopicATableOrALog() throws Exception {
		String narrative = "Rosalind Quackenbush-" + tipline.run + " is 15 and kept at the motel, the man has a gun";
		String phone = "+1305" + (5550000 + (int) (Math.random() * 9999));
		String email = "rq-" + tipline.run + "@example.org";
		String address = "77 Larkspur Hollow " + tipline.run;
		String callerPhone = "+1786" + (5550000 + (int) (Math.random() * 9999));
		Map<String, Object> tip = TestPipeline.tip("SMS", "pii-" + tipline.run, "THIRD_PARTY", "GRANTED", narrative,
				Map.of("state", "FL", "address", address), callerPhone);
		@SuppressWarnings("unchecked")
		Map<String, Object> reporter = (Map<String, Object>) tip.get("reporter");
		reporter.put("contact", Map.of("phone", phone, "email", email));
		HttpResponse<String> accepted = tipline.post("/v1/tips", tip);
		assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
		String tipId = TestPipeline.parse(accepted.body()).path("tipId").asString();

		await().atMost(Duration.ofSeconds(90))
			.untilAsserted(() -> assertThat(tipline.hops(tipId)).contains("DELIVERED"));
		Delivered delivered = tipline.deliveries().stream().filter((d) -> d.tipId().equals(tipId)).findFirst().orElseThrow();
		assertThat(delivered.body()).as("the state receives the tip readable").contains(narrative, address);
		JsonNode body = TestPipeline.parse(delivered.body());
		assertThat(body.toString()).contains(phone.substring(2), email);

		// the first word of the narrative is marked too: a victim's name alone is personal data
		List<String> personal = List.of("Quackenbush-" + tipline.run, phone.substring(2), email, address,
				callerPhone.substring(2));
		assertThat(topicsContaining(personal)).as("Kafka topics holding personal data").isEmpty();
		assertThat(tablesContaining(personal)).as("database tables holding personal data").isEmpty();
		assertThat(logsContaining(personal)).as("service logs holding personal data").isEmpty();
	}

	/** Every record of every topic, value, key and headers, read from the beginning. */
	private static List<String> topicsContaining(List<String> personal) throws Exception {
		Properties config = new Properties();
		config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, tipline.settings().kafkaBootstrap());
		Set<String> topics;
		try (Admin admin = Admin.create(config)) {
			topics = admin.listTopics().names().get();
		}
		List<String> found = new ArrayList<>();
		for (String topic : topics) {
			for (ConsumerRecord<byte[], byte[]> record : tipline.records(topic)) {
				StringBuilder text = new StringBuilder();
				text.append(utf8(record.key())).append(' ').append(utf8(record.value()));
				for (Header header : record.headers()) {
					text.append(' ').append(utf8(header.value()));
				}
				if (containsAny(text.toString(), personal)) {
					found.add(record.topic() + "-" + record.partition() + "@" + record.offset());
				}
			}
		}
		return found;
	}

	/** Every row of every table in every service's database, as PostgreSQL prints it. */
	private static List<String> tablesContaining(List<String> personal) throws Exception {
		List<String> found = new ArrayList<>();
		for (String database : List.of("intake", "triage", "dispatch", "audit")) {
			try (Connection connection = DriverManager.getConnection(tipline.settings().jdbcUrl(database), "postgres",
					"postgres"); Statement statement = connection.createStatement()) {
				List<String> tables = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery("""
						SELECT quote_ident(schemaname) || '.' || quote_ident(tablename) FROM pg_tables
						WHERE schemaname NOT IN ('pg_catalog', 'information_schema')""")) {
					while (rows.next()) {
						tables.add(rows.getString(1));
					}
				}
				assertThat(tables).as("tables of %s", database).isNotEmpty();
				for (String table : tables) {
					try (ResultSet rows = statement.executeQuery("SELECT t::text FROM " + table + " t")) {
						while (rows.next()) {
							if (containsAny(rows.getString(1), personal)) {
								found.add(database + ":" + table);
								break;
							}
						}
					}
				}
			}
		}
		return found;
	}

	/** The log of every part but the demo state endpoint, which is the recipient and may hold what it received. */
	private static List<String> logsContaining(List<String> personal) throws Exception {
		List<String> found = new ArrayList<>();
		try (Stream<Path> logs = Files.list(tipline.settings().dataDir().resolve("logs"))) {
			for (Path log : logs.filter((path) -> !path.getFileName().toString().startsWith("state-endpoint")).toList()) {
				String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
				if (containsAny(text, personal)) {
					found.add(log.getFileName().toString());
				}
			}
		}
		return found;
	}

	private static boolean containsAny(String text, List<String> personal) {
		return personal.stream().anyMatch(text::contains);
	}

	private static String utf8(byte[] bytes) {
		return (bytes == null) ? "" : new String(bytes, StandardCharsets.UTF_8);
	}
}
