package org.tipline.triage.linking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.tipline.events.TipId;

/**
 * The link index in PostgreSQL (database {@code triage}: each tip's keys in {@code incident_key}, the tips whose
 * keys are written in {@code linked_tip}), so it survives a restart and every triage instance sees the others'
 * tips. Rows older than twice the window are deleted, once a minute, as tips come in.
 */
public final class JdbcLinkIndex implements LinkIndex {

	private final JdbcClient jdbc;

	private final Duration window;

	private final Clock clock;

	private static final Duration FORGET_EVERY = Duration.ofMinutes(1);

	/**
	 * A key shared by more recent tips than this links only the most recent of them: a phone number or phrase in
	 * thousands of tips says little about any one incident, and reading them all made triage slower with every tip.
	 */
	static final int MATCHES_PER_KEY = 50;

	private static final String[] KIND_NAMES = Arrays.stream(IncidentKey.Kind.values())
		.map(IncidentKey.Kind::name)
		.toArray(String[]::new);

	private static final Integer[] SHARED_TO_LINK = Arrays.stream(IncidentKey.Kind.values())
		.map(IncidentKey.Kind::sharedToLink)
		.toArray(Integer[]::new);

	private final AtomicReference<Instant> lastForgotten = new AtomicReference<>(Instant.EPOCH);

	public JdbcLinkIndex(JdbcClient jdbc, Duration window, Clock clock) {
		this.jdbc = jdbc;
		this.window = window;
		this.clock = clock;
	}

	@Override
	public Set<Match> rememberAndMatch(TipId tipId, Instant receivedAt, Set<IncidentKey> keys) {
		HexFormat hex = HexFormat.of();
		List<IncidentKey> ordered = List.copyOf(keys);
		byte[][] digests = ordered.stream().map((key) -> hex.parseHex(key.digest())).toArray(byte[][]::new);
		String[] kinds = ordered.stream().map((key) -> key.kind().name()).toArray(String[]::new);
		// One statement for all keys: a round trip per key made this the slowest step of triage.
		// Only a tip's first delivery writes its keys: a redelivered tip, even with another receive time, inserts
		// nothing and still finds the same matches.
		jdbc.sql("""
				WITH first_delivery AS (
				    INSERT INTO linked_tip (tip_id, received_at) VALUES (?, ?)
				    ON CONFLICT (tip_id) DO NOTHING
				    RETURNING tip_id, received_at)
				INSERT INTO incident_key (key_digest, kind, tip_id, received_at)
				SELECT digest, kind, first_delivery.tip_id, first_delivery.received_at
				FROM first_delivery, unnest(?::bytea[], ?::varchar[]) AS given (digest, kind)
				ON CONFLICT DO NOTHING""")
			.params(tipId.toString(), Timestamp.from(receivedAt), digests, kinds)
			.update();
		Set<Match> matches = new HashSet<>(jdbc.sql("""
				SELECT recent.tip_id, recent.kind, count(*) AS shared
				FROM unnest(?::bytea[]) AS given (digest)
				CROSS JOIN LATERAL (
				    SELECT tip_id, kind FROM incident_key
				    WHERE key_digest = given.digest AND tip_id <> ? AND received_at BETWEEN ? AND ?
				    ORDER BY received_at DESC LIMIT ?) AS recent
				JOIN unnest(?::varchar[], ?::int[]) AS needed (kind, shared) ON needed.kind = recent.kind
				GROUP BY recent.tip_id, recent.kind, needed.shared
				HAVING count(*) >= needed.shared""")
			.params(digests, tipId.toString(), Timestamp.from(receivedAt.minus(window)),
					Timestamp.from(receivedAt.plus(window)), MATCHES_PER_KEY, KIND_NAMES, SHARED_TO_LINK)
			.query((rs, row) -> new Match(TipId.parse(rs.getString("tip_id")),
					IncidentKey.Kind.valueOf(rs.getString("kind")), rs.getInt("shared")))
			.list());
		forgetExpired();
		return matches;
	}

	/** Keys older than twice the window can never match again; removing them once a minute is enough. */
	private void forgetExpired() {
		Instant now = clock.instant();
		Instant last = lastForgotten.get();
		if (Duration.between(last, now).compareTo(FORGET_EVERY) >= 0 && lastForgotten.compareAndSet(last, now)) {
			Timestamp expired = Timestamp.from(now.minus(window.multipliedBy(2)));
			jdbc.sql("DELETE FROM incident_key WHERE received_at < ?").param(expired).update();
			jdbc.sql("DELETE FROM linked_tip WHERE received_at < ?").param(expired).update();
		}
	}
}
