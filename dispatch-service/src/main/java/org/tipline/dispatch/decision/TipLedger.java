package org.tipline.dispatch.decision;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipline.events.Consent;
import org.tipline.events.TipDecided;
import org.tipline.events.TipId;
import org.tipline.events.TipTriaged;
import tools.jackson.databind.json.JsonMapper;

/** Dispatch's memory of every tip it decided, held tips and their consent windows, and consent answers. */
@Repository
class TipLedger {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TipLedger(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	Optional<TipDecided> decisionOf(TipId tipId) {
		return jdbc.sql("SELECT decided::text FROM dispatch_tip WHERE tip_id = ?")
			.param(tipId.value())
			.query(String.class)
			.optional()
			.map((text) -> json.readValue(text, TipDecided.class));
	}

	/**
	 * Records a first decision; false when another consumer recorded one first, whose decision then stands. The
	 * triaged tip is kept as the decision carries it, from the JSON the caller wrote once for the ledger and the
	 * outbox alike.
	 */
	boolean recordFirst(TipDecided decided, String decidedJson, String status, Instant holdUntil) {
		return jdbc.sql("""
				INSERT INTO dispatch_tip (tip_id, status, state, priority, hold_until, triaged, decided, decided_at)
				SELECT ?, ?, ?, ?, ?, given.decided -> 'triaged', given.decided, ?
				FROM (SELECT ?::jsonb AS decided) AS given
				ON CONFLICT (tip_id) DO NOTHING""")
			.params(decided.tipId().value(), status, stateOf(decided.triaged()), decided.triaged().priority().name(),
					timestamp(holdUntil), timestamp(decided.decidedAt()), decidedJson)
			.update() == 1;
	}

	/** Settles a held tip; false when it was no longer held (a consent answer and the timer raced). */
	boolean settle(TipDecided decided, String decidedJson, String status) {
		return jdbc.sql("""
				UPDATE dispatch_tip SET status = ?, decided = ?::jsonb, decided_at = ?, hold_until = NULL
				WHERE tip_id = ? AND status = 'HELD'""")
			.params(status, decidedJson, timestamp(decided.decidedAt()), decided.tipId().value())
			.update() == 1;
	}

	/** The triaged tip, while it is held for consent. */
	Optional<TipTriaged> held(TipId tipId) {
		return jdbc.sql("SELECT triaged::text FROM dispatch_tip WHERE tip_id = ? AND status = 'HELD'")
			.param(tipId.value())
			.query(String.class)
			.optional()
			.map((text) -> json.readValue(text, TipTriaged.class));
	}

	List<TipId> heldPastWindow(Instant now, int limit) {
		return jdbc.sql("SELECT tip_id FROM dispatch_tip WHERE status = 'HELD' AND hold_until <= ? ORDER BY hold_until LIMIT ?")
			.params(timestamp(now), limit)
			.query((rs, row) -> new TipId(rs.getObject(1, UUID.class)))
			.list();
	}

	int countHeld() {
		return jdbc.sql("SELECT count(*) FROM dispatch_tip WHERE status = 'HELD'").query(Integer.class).single();
	}

	/** Keeps the latest answer per tip: a victim may change their mind. */
	void recordConsent(TipId tipId, Consent consent, Instant updatedAt) {
		jdbc.sql("""
				INSERT INTO consent_answer (tip_id, consent, updated_at) VALUES (?, ?, ?)
				ON CONFLICT (tip_id) DO UPDATE SET consent = EXCLUDED.consent, updated_at = EXCLUDED.updated_at
				WHERE consent_answer.updated_at < EXCLUDED.updated_at""")
			.params(tipId.value(), consent.name(), timestamp(updatedAt))
			.update();
	}

	Optional<Consent> consentOf(TipId tipId) {
		return jdbc.sql("SELECT consent FROM consent_answer WHERE tip_id = ?")
			.param(tipId.value())
			.query((rs, row) -> Consent.valueOf(rs.getString(1)))
			.optional();
	}

	private static String stateOf(TipTriaged triaged) {
		return triaged.jurisdiction().hasState() ? triaged.jurisdiction().state().value() : null;
	}

	static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}
}
