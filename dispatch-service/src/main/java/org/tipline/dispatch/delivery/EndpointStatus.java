package org.tipline.dispatch.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Endpoints an operator disabled, or that answered 410 Gone: nothing is sent to them until they are enabled. */
@Repository
public class EndpointStatus {

	private final JdbcClient jdbc;

	EndpointStatus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Disabled(String endpoint, Instant disabledAt, String reason) {
	}

	void disable(String endpoint, Instant at, String reason) {
		jdbc.sql("INSERT INTO endpoint_status (endpoint, disabled_at, reason) VALUES (?, ?, ?) ON CONFLICT (endpoint) DO NOTHING")
			.params(endpoint, Timestamp.from(at), reason)
			.update();
	}

	public boolean enable(String endpoint) {
		return jdbc.sql("DELETE FROM endpoint_status WHERE endpoint = ?").param(endpoint).update() == 1;
	}

	public List<Disabled> disabled() {
		return jdbc.sql("SELECT endpoint, disabled_at, reason FROM endpoint_status ORDER BY endpoint")
			.query((rs, row) -> new Disabled(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3)))
			.list();
	}
}
