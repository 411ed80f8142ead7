package org.tipline.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One real PostgreSQL server per test JVM (binaries from Maven Central, no Docker), started on first use; each
 * caller asks for a database by name and gets it created empty the first time.
 */
public final class SharedPostgres {

	private static EmbeddedPostgres server;

	private static final Set<String> databases = new HashSet<>();

	private SharedPostgres() {
	}

	public static synchronized String jdbcUrl(String database) {
		if (server == null) {
			try {
				EmbeddedPostgres started = EmbeddedPostgres.start();
				Runtime.getRuntime().addShutdownHook(new Thread(() -> close(started), "shared-postgres-stop"));
				server = started;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("PostgreSQL did not start", ex);
			}
		}
		if (databases.add(database)) {
			try (Connection connection = server.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE \"" + database + "\"");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("could not create database " + database, ex);
			}
		}
		return server.getJdbcUrl("postgres", database);
	}

	public static String username() {
		return "postgres";
	}

	public static String password() {
		return "postgres";
	}

	private static void close(EmbeddedPostgres started) {
		try {
			started.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
