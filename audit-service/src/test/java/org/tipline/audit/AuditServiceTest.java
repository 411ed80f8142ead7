package org.tipline.audit;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.tipline.testing.SharedKafka;
import org.tipline.testing.SharedPostgres;

/**
 * What every integration test of the service extends, so they all share one application context on the real
 * broker and database. Checkpoints come every 5 entries or 2 seconds, so tests see them quickly.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tipline.audit.checkpoint.every-entries=5", "tipline.audit.checkpoint.interval=2s",
				"tipline.audit.completeness.grace-period=1h" })
@AutoConfigureWebTestClient
public abstract class AuditServiceTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.kafka.bootstrap-servers", SharedKafka::bootstrapServers);
		registry.add("spring.datasource.url", () -> SharedPostgres.jdbcUrl("audit"));
	}

	/** A connection as the owner of the tables, not as the role the service writes with. */
	protected static Connection ownerConnection() throws SQLException {
		return DriverManager.getConnection(SharedPostgres.jdbcUrl("audit"), SharedPostgres.username(),
				SharedPostgres.password());
	}
}
