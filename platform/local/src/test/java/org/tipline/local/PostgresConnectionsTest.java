package org.tipline.local;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresConnectionsTest {

	@Test
	void sharesOutTheServersCpuAmongTheDatabasesOfItsConnections() {
		PostgresConnections before = new PostgresConnections(Map.of(
				11L, new PostgresConnections.Connected("triage", 10.0),
				12L, new PostgresConnections.Connected("triage", 20.0),
				13L, new PostgresConnections.Connected("dispatch", 5.0)));
		PostgresConnections after = new PostgresConnections(Map.of(
				11L, new PostgresConnections.Connected("triage", 16.0),
				12L, new PostgresConnections.Connected("triage", 26.0),
				13L, new PostgresConnections.Connected("dispatch", 11.0),
				14L, new PostgresConnections.Connected("audit", 3.0)));

		assertThat(after.coresSince(before, 60)).containsOnly(Map.entry("triage", 0.2), Map.entry("dispatch", 0.1));
		assertThat(after.reportSince(before, 60, 0.35)).isEqualTo("| postgresql by database (its connections' "
				+ "processes) | triage 20 %, dispatch 10 %; the server's other processes (autovacuum, WAL, checkpoints) "
				+ "5 % |" + System.lineSeparator());
	}

	@Test
	void leavesOutAProcessWhoseNumberNowServesAnotherDatabase() {
		PostgresConnections before = new PostgresConnections(Map.of(11L, new PostgresConnections.Connected("intake", 1.0)));
		PostgresConnections after = new PostgresConnections(Map.of(11L, new PostgresConnections.Connected("audit", 2.0)));

		assertThat(after.coresSince(before, 10)).isEmpty();
	}
}
