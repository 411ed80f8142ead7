package org.tipline.audit.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.audit.merkle.Merkle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log in PostgreSQL. Sequence numbers are leaf indexes of the Merkle tree, so they must be
 * dense: one writer at a time, whichever instance it runs in, takes a transaction-scoped advisory lock, reads the
 * next number and inserts. The lock is held until commit, so entries become visible in sequence order and any
 * reader sees a prefix of the log.
 */
@Repository
public class AuditLedger {

	/** Any constant works; it only has to be the same in every instance writing this database. */
	private static final long APPEND_LOCK = 0x7469706c696e65L;

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final MeterRegistry meters;

	AuditLedger(JdbcClient jdbc, JsonMapper json, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.json = json;
		this.meters = meters;
	}

	/**
	 * Appends the entries of one event together; an entry already recorded (same event source, id and hop) adds
	 * nothing and takes no sequence number. Returns the sequence numbers given.
	 */
	@Transactional
	public List<Long> append(List<HopEntry> entries) {
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((rs, row) -> row).single();
		long next = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit_entry").query(Long.class).single();
		List<Long> appended = new ArrayList<>();
		for (HopEntry entry : entries) {
			boolean recorded = jdbc.sql("""
					SELECT count(*) FROM audit_entry WHERE event_source = ? AND event_id = ? AND hop = ?""")
				.params(entry.event().source(), entry.event().id(), entry.hop().name())
				.query(Long.class)
				.single() > 0;
			if (!recorded) {
				insert(next, entry);
				appended.add(next++);
				meters.counter("tipline.audit.entries", "hop", entry.hop().name()).increment();
			}
		}
		return appended;
	}

	private void insert(long seq, HopEntry entry) {
		byte[] canonical = entry.canonicalBytes(seq);
		jdbc.sql("""
				INSERT INTO audit_entry (seq, tip_id, hop, service, at, outcome, details, event_source, event_id,
				                         event_type, event_digest, entry, leaf_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")
			.params(seq, entry.tipId(), entry.hop().name(), entry.service(), Timestamp.from(entry.at()),
					entry.outcome(), json.writeValueAsString(entry.details()), entry.event().source(),
					entry.event().id(), entry.event().type(), entry.event().digest(), canonical,
					Merkle.leafHash(canonical))
			.update();
	}

	/** How many entries the log has: the size of its tree. */
	public long size() {
		return jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit_entry").query(Long.class).single();
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

	/** Up to {@code limit} entries from {@code fromSeq} on, as the tree holds them. */
	public List<StoredEntry> entries(long fromSeq, int limit) {
		return jdbc.sql("SELECT seq, entry, leaf_hash FROM audit_entry WHERE seq >= ? ORDER BY seq LIMIT ?")
			.params(fromSeq, limit)
			.query((rs, row) -> new StoredEntry(rs.getLong("seq"), rs.getBytes("entry"), rs.getBytes("leaf_hash")))
			.list();
	}

	/** An entry as stored, with its sequence number in the log. */
	public record RecordedEntry(long seq, Hop hop, String service, Instant at, String outcome,
			Map<String, Object> details, String eventType, String eventDigest) {
	}

	/** An entry as the tree sees it: its leaf index, canonical bytes and leaf hash. */
	public record StoredEntry(long seq, byte[] entry, byte[] leafHash) {
	}
}
