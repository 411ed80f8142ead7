package org.tipline.audit.dashboard;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads from the log what the dashboard needs and the oversight answers do not give. */
@Repository
class DashboardQueries {

	/**
	 * Tips first delivered in [from, to), with when intake received them and their state as oversight reads it:
	 * the last decision's, else triage's, else {@code NONE}. Tips without a RECEIVED entry have no latency. Reads
	 * the window's deliveries by index (hop, at) and each tip's other entries by index (tip_id, at), so the cost
	 * follows the window, not the length of the log.
	 */
	private static final String DELIVERED_BETWEEN = """
			WITH delivered AS (
			    SELECT tip_id, min(at) AS delivered_at FROM audit_entry
			    WHERE hop = 'DELIVERED' AND at >= ? AND at < ?
			    GROUP BY tip_id)
			SELECT d.delivered_at, r.received_at, coalesce(
			    (SELECT s.details->>'state' FROM audit_entry s
			     WHERE s.tip_id = d.tip_id AND s.hop = 'DECIDED' AND s.details->>'state' IS NOT NULL
			     ORDER BY s.seq DESC LIMIT 1),
			    (SELECT s.details->>'state' FROM audit_entry s
			     WHERE s.tip_id = d.tip_id AND s.hop = 'TRIAGED' AND s.details->>'state' IS NOT NULL
			     ORDER BY s.seq LIMIT 1),
			    'NONE') AS state
			FROM delivered d
			JOIN LATERAL (SELECT min(at) AS received_at FROM audit_entry
			              WHERE tip_id = d.tip_id AND hop = 'RECEIVED') r ON r.received_at IS NOT NULL
			WHERE NOT EXISTS (SELECT 1 FROM audit_entry e
			                  WHERE e.tip_id = d.tip_id AND e.hop = 'DELIVERED' AND e.at < ?)""";


	private final JdbcClient jdbc;

	DashboardQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LatencyBuckets.DeliveredTip> deliveredBetween(Instant from, Instant to) {
		return jdbc.sql(DELIVERED_BETWEEN)
			.params(Timestamp.from(from), Timestamp.from(to), Timestamp.from(from))
			.query((rs, row) -> new LatencyBuckets.DeliveredTip(rs.getString("state"),
					rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("delivered_at").toInstant()))
			.list();
	}
}
