package org.tipline.audit.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only access log in PostgreSQL (table {@code audit_access}). Rows are numbered densely and chained
 * by hash, so appends are serialised, whichever instance makes them, by a transaction-scoped advisory lock of
 * their own: reading the audit log never waits for the consumer appending to it.
 */
@Repository
class AccessLog {

	/** Any constant other than the audit log's; the same in every instance writing this database. */
	private static final long APPEND_LOCK = 0x74697061636365L;

	private static final TypeReference<Map<String, List<String>>> QUERY = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AccessLog(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Transactional
	AccessChain.Link append(Access access) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((rs, row) -> row).single();
		List<AccessChain.Link> last = jdbc.sql("SELECT * FROM audit_access ORDER BY seq DESC LIMIT 1")
			.query(this::link)
			.list();
		long seq = last.isEmpty() ? 0 : last.get(0).seq() + 1;
		byte[] hash = AccessChain.next(last.isEmpty() ? AccessChain.START : last.get(0).hash(), seq, access);
		jdbc.sql("""
				INSERT INTO audit_access (seq, at, reader, role, method, path, query, status, hash)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(seq, Timestamp.from(access.at()), access.reader(),
					(access.role() == null) ? null : access.role().name(), access.method(), access.path(),
					json.writeValueAsString(access.query()), access.status(), hash)
			.update();
		return new AccessChain.Link(seq, access, hash);
	}

	/** Up to {@code limit} reads made in [from, to) after row {@code afterSeq}, in the order they were recorded. */
	List<AccessChain.Link> between(Instant from, Instant to, long afterSeq, int limit) {
		return jdbc.sql("""
				SELECT * FROM audit_access WHERE at >= ? AND at < ? AND seq > ? ORDER BY seq LIMIT ?""")
			.params(Timestamp.from(from), Timestamp.from(to), afterSeq, limit)
			.query(this::link)
			.list();
	}

	/** The hash the row {@code seq} follows: the previous row's, or the chain's start. */
	byte[] hashBefore(long seq) {
		return jdbc.sql("SELECT hash FROM audit_access WHERE seq = ?")
			.param(seq - 1)
			.query((rs, row) -> rs.getBytes(1))
			.optional()
			.orElse(AccessChain.START);
	}

	private AccessChain.Link link(ResultSet rs, int row) throws SQLException {
		String role = rs.getString("role");
		Access access = new Access(rs.getTimestamp("at").toInstant(), rs.getString("reader"),
				(role == null) ? null : ReaderRole.valueOf(role), rs.getString("method"), rs.getString("path"),
				new TreeMap<>(json.readValue(rs.getString("query"), QUERY)), rs.getInt("status"));
		return new AccessChain.Link(rs.getLong("seq"), access, rs.getBytes("hash"));
	}
}
