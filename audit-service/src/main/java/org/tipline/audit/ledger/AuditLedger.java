package org.tipline.audit.ledger;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The append-only audit log in PostgreSQL. */
@Repository
public class AuditLedger {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	AuditLedger(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Appends the entries of one event together; an event already recorded adds nothing. */
	@Transactional
	public void append(List<HopEntry> entries) {
		for (HopEntry entry : entries) {
			jdbc.sql("""
					INSERT INTO audit_entry (tip_id, hop, service, at, outcome, details, event_source, event_id,
					                         event_type, event_digest)
					VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)
					ON CONFLICT (event_source, event_id, hop) DO NOTHING""")
				.params(entry.tipId(), entry.hop().name(), entry.service(), Timestamp.from(entry.at()),
						entry.outcome(), json.writeValueAsString(entry.details()), entry.event().source(),
						entry.event().id(), entry.event().type(), entry.event().digest())
				.update();
		}
	}

	/** Every entry of one tip, in the order its hops happened. */
	public List<RecordedEntry> timelineOf(UUID tipId) {
		return jdbc.sql("""
				SELECT seq, hop, service, at, outcome, details::text AS details, event_type, event_digest
				FROM audit_entry WHERE tip_id = ? ORDER BY at, seq""")
			.param(tipId)
			.query((rs, row) -> new RecordedEntry(rs.getLong("seq"), Hop.valueOf(rs.getString("hop")),
					rs.getString("service"), rs.getTimestamp("at").toInstant(), rs.getString("outcome"),
					json.readValue(rs.getString("details"), DETAILS), rs.getString("event_type"),
					rs.getString("event_digest")))
			.list();
	}

	/** An entry as stored, with its sequence number in the log. */
	public record RecordedEntry(long seq, Hop hop, String service, java.time.Instant at, String outcome,
			Map<String, Object> details, String eventType, String eventDigest) {
	}
}
