package org.tipline.audit.ledger;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
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

	/** Of the values {@link #row} gives, so a null outcome needs no look-up of the column's type. */
	private static final int[] COLUMN_TYPES = { Types.BIGINT, Types.OTHER, Types.VARCHAR, Types.VARCHAR,
			Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.BINARY, Types.BINARY };

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final JsonMapper json;

	private final MeterRegistry meters;

	AuditLedger(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json, MeterRegistry meters) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.json = json;
		this.meters = meters;
	}

	/**
	 * Appends the entries of a batch of events together, in one transaction: one lock, one read of the next
	 * sequence number and one flush to disk for the whole batch. An entry already recorded (same event source, id
	 * and hop), whether by an earlier append or earlier in this batch, adds nothing and takes no sequence number.
	 * Returns the sequence numbers given, in the order of the entries appended.
	 */
	@Transactional
	public List<Long> append(List<HopEntry> entries) {
		if (entries.isEmpty()) {
			return List.of();
		}
		jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(APPEND_LOCK).query((rs, row) -> row).single();
		long next = jdbc.sql("SELECT coalesce(max(seq) + 1, 0) FROM audit_entry").query(Long.class).single();
		Set<EventKey> recorded = alreadyRecorded(entries);
		List<HopEntry> fresh = new ArrayList<>();
		List<Object[]> rows = new ArrayList<>();
		List<Long> appended = new ArrayList<>();
		for (HopEntry entry : entries) {
			if (recorded.add(EventKey.of(entry))) {
				fresh.add(entry);
				rows.add(row(next, entry));
				appended.add(next++);
			}
		}
		jdbcTemplate.batchUpdate("""
				INSERT INTO audit_entry (seq, tip_id, hop, service, at, outcome, details, event_source, event_id,
				                         event_type, event_digest, entry, leaf_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""", rows, COLUMN_TYPES);
		fresh.forEach((entry) -> meters.counter("tipline.audit.entries", "hop", entry.hop().name()).increment());
		return appended;
	}

	/** Which of these entries the log holds already, asked for all of them at once. */
	private Set<EventKey> alreadyRecorded(List<HopEntry> entries) {
		return new HashSet<>(jdbc.sql("""
				SELECT e.event_source, e.event_id, e.hop
				FROM unnest(?::text[], ?::text[], ?::text[]) AS k(event_source, event_id, hop)
				JOIN audit_entry e ON e.event_source = k.event_source AND e.event_id = k.event_id AND e.hop = k.hop""")
			.params(entries.stream().map((entry) -> entry.event().source()).toArray(String[]::new),
					entries.stream().map((entry) -> entry.event().id()).toArray(String[]::new),
					entries.stream().map((entry) -> entry.hop().name()).toArray(String[]::new))
			.query((rs, row) -> new EventKey(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list());
	}

	private Object[] row(long seq, HopEntry entry) {
		byte[] canonical = entry.canonicalBytes(seq);
		return new Object[] { seq, entry.tipId(), entry.hop().name(), entry.service(), Timestamp.from(entry.at()),
				entry.outcome(), json.writeValueAsString(entry.details()), entry.event().source(), entry.event().id(),
				entry.event().type(), entry.event().digest(), canonical, Merkle.leafHash(canonical) };
	}

	/** What makes an entry unique in the log. */
	private record EventKey(String source, String id, String hop) {

		static EventKey of(HopEntry entry) {
			return new EventKey(entry.event().source(), entry.event().id(), entry.hop().name());
		}
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
