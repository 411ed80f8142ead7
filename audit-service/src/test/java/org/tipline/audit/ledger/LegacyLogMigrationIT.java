package org.tipline.audit.ledger;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.tipline.audit.merkle.Merkle;
import org.tipline.testing.SharedPostgres;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** A database written by the first version of the service (numbered with gaps) upgraded to the Merkle log. */
class LegacyLogMigrationIT {

	@Test
	void copiesTheFirstLogIntoTheTreeInOrderNumberedFromZero() {
		DriverManagerDataSource owner = new DriverManagerDataSource(SharedPostgres.jdbcUrl("audit_legacy"),
				SharedPostgres.username(), SharedPostgres.password());
		Flyway.configure().dataSource(owner).target("1").load().migrate();
		JdbcClient jdbc = JdbcClient.create(owner);
		UUID tip = UUID.randomUUID();
		for (String hop : List.of("RECEIVED", "TRIAGED")) {
			jdbc.sql("""
					INSERT INTO audit_entry (seq, tip_id, hop, service, at, outcome, details, event_source, event_id,
					                         event_type, event_digest)
					VALUES (?, ?, ?, 'intake-service', now(), 'ACCEPTED', '{"stateConfidence":0.90,"minor":false}',
					        '/tipline/intake', ?, 'org.tipline.tip.received.v1', ?)""")
				.params("RECEIVED".equals(hop) ? 7 : 12, tip, hop, "event-" + hop, "ab".repeat(32))
				.update();
		}

		Flyway.configure()
			.dataSource(owner)
			.placeholders(Map.of("service_login", SharedPostgres.username()))
			.javaMigrations(new LegacyLogCopy(JsonMapper.builder().build()))
			.load()
			.migrate();

		List<Map<String, Object>> rows = jdbc.sql("SELECT seq, hop, entry, leaf_hash FROM audit_entry ORDER BY seq")
			.query()
			.listOfRows();
		assertThat(rows).extracting((row) -> row.get("seq")).containsExactly(0L, 1L);
		assertThat(rows).extracting((row) -> row.get("hop")).containsExactly("RECEIVED", "TRIAGED");
		for (Map<String, Object> row : rows) {
			assertThat((byte[]) row.get("leaf_hash")).isEqualTo(Merkle.leafHash((byte[]) row.get("entry")));
			assertThat(new String((byte[]) row.get("entry"))).contains("\"stateConfidence\":\"0.9\"");
		}
		assertThat(jdbc.sql("SELECT count(*) FROM audit_entry_v1").query(Long.class).single()).isEqualTo(2);
	}
}
