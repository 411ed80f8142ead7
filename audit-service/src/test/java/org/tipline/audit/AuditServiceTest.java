package org.tipline.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.tipline.security.ApiKeys;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

/**
 * What every integration test of the service extends, so they all share one application context on the real
 * broker and database. Checkpoints come every 5 entries or 2 seconds, so tests see them quickly. Two readers are
 * configured, one per role, with keys made for this run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tipline.audit.checkpoint.every-entries=5", "tipline.audit.checkpoint.interval=2s",
				"tipline.audit.completeness.grace-period=1h" })
@AutoConfigureWebTestClient
public abstract class AuditServiceTest {

	protected static final String OVERSIGHT_READER = "oversight-board";

	protected static final String OVERSIGHT_KEY = ApiKeys.generate();

	protected static final String ANALYST_READER = "analyst";

	protected static final String ANALYST_KEY = ApiKeys.generate();

	/** Sends no key. */
	@Autowired
	protected WebTestClient anonymous;

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("audit"));
		String oversight = "tipline.audit.readers." + OVERSIGHT_READER;
		registry.add(oversight + ".key-sha256", () -> ApiKeys.sha256Hex(OVERSIGHT_KEY));
		registry.add(oversight + ".role", () -> "OVERSIGHT");
		String analyst = "tipline.audit.readers." + ANALYST_READER;
		registry.add(analyst + ".key-sha256", () -> ApiKeys.sha256Hex(ANALYST_KEY));
		registry.add(analyst + ".role", () -> "ANALYST");
	}

	protected WebTestClient oversight() {
		return withKey(OVERSIGHT_KEY);
	}

	protected WebTestClient analyst() {
		return withKey(ANALYST_KEY);
	}

	protected WebTestClient withKey(String key) {
		return anonymous.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + key).build();
	}

	/** A connection as the owner of the tables, not as the role the service writes with. */
	protected static Connection ownerConnection() throws SQLException {
		return DriverManager.getConnection(SharedPostgres.jdbcUrl("audit"), SharedPostgres.username(),
				SharedPostgres.password());
	}
}
