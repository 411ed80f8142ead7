package org.tipline.local;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * PostgreSQL's CPU by database. Each connection is a process of its own and {@code pg_stat_activity} names its
 * database, so the CPU of the connections of {@code triage} is what triage's statements cost the server. Only
 * connections open at both readings count: the services' pools keep theirs open, and one opened in between is left
 * out, a small understatement.
 */
record PostgresConnections(Map<Long, Connected> byProcess) {

	/** A connection's database and the CPU its process had used when read. */
	record Connected(String database, double cpuSeconds) {
	}

	static PostgresConnections read(LocalSettings settings) throws SQLException {
		Map<Long, Connected> connections = new HashMap<>();
		try (Connection connection = settings.connect("postgres");
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pid, datname FROM pg_stat_activity "
						+ "WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
			while (rows.next()) {
				long pid = rows.getLong("pid");
				double cpu = ProcessUsage.of(pid).cpuSeconds();
				if (!Double.isNaN(cpu)) {
					connections.put(pid, new Connected(rows.getString("datname"), cpu));
				}
			}
		}
		return new PostgresConnections(connections);
	}

	/** Share of a core per database between {@code before} and this reading. */
	Map<String, Double> coresSince(PostgresConnections before, double seconds) {
		Map<String, Double> cpu = new TreeMap<>();
		byProcess.forEach((pid, now) -> {
			Connected then = before.byProcess().get(pid);
			if (then != null && then.database().equals(now.database())) {
				cpu.merge(now.database(), (now.cpuSeconds() - then.cpuSeconds()) / seconds, Double::sum);
			}
		});
		return cpu;
	}

	/** A report row: each database's connections, then what the server's other processes used. */
	String reportSince(PostgresConnections before, double seconds, double serverCores) {
		Map<String, Double> cores = coresSince(before, seconds);
		double connections = cores.values().stream().mapToDouble(Double::doubleValue).sum();
		String databases = cores.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.map((database) -> String.format("%s %.0f %%", database.getKey(), 100 * database.getValue()))
			.collect(Collectors.joining(", "));
		return String.format("| postgresql by database (its connections' processes) | %s; the server's other processes "
				+ "(autovacuum, WAL, checkpoints) %.0f %% |%n", databases, 100 * (serverCores - connections));
	}
}
