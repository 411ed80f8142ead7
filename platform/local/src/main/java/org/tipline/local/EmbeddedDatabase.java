package org.tipline.local;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** A real PostgreSQL server from Maven Central binaries, its cluster kept in the data directory across runs. */
final class EmbeddedDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	static EmbeddedDatabase start(Path directory, int port, String... databases) throws IOException, SQLException {
		EmbeddedPostgres postgres = EmbeddedPostgres.builder()
			.setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setPort(port)
			// the library's defaults are for throwaway test databases: no fsync (-F) and commits acknowledged
			// before they are written. Here a committed decision or audit entry must survive a crash of the server
			// or the machine, since the Kafka offset behind it is committed next.
			.setServerConfig("fsync", "on")
			.setServerConfig("synchronous_commit", "on")
			.start();
		try (Connection connection = postgres.getPostgresDatabase().getConnection()) {
			for (String database : databases) {
				createIfMissing(connection, database);
			}
		}
		return new EmbeddedDatabase(postgres);
	}

	private static void createIfMissing(Connection connection, String database) throws SQLException {
		try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			exists.setString(1, database);
			try (ResultSet found = exists.executeQuery()) {
				if (found.next()) {
					return;
				}
			}
		}
		try (Statement create = connection.createStatement()) {
			create.execute("CREATE DATABASE \"" + database + "\"");
		}
	}

	/** The value of a server setting, as {@code SHOW} gives it. */
	String setting(String name) throws SQLException {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				Statement show = connection.createStatement();
				ResultSet value = show.executeQuery("SHOW " + name)) {
			value.next();
			return value.getString(1);
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
	}
}
