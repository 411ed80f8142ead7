package org.tipline.intake.submission;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.TipId;
import org.tipline.intake.adapter.Adapter;

/**
 * Remembers every channel message that became a tip and the adapter that submitted it, so a resubmission of the
 * same message gets the same tip back and nothing is published again, and an adapter reads back only its own tips.
 * Survives restarts and is shared by every intake instance.
 */
@Repository
public class SubmissionLedger {

	private final JdbcClient jdbc;

	SubmissionLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Submission> find(Adapter adapter, Channel channel, String channelMessageId) {
		return jdbc.sql("""
				SELECT tip_id, received_at FROM submission
				WHERE adapter = ? AND channel = ? AND channel_message_id = ?""")
			.params(adapter.name(), channel.name(), channelMessageId)
			.query((rs, row) -> new Submission(TipId.parse(rs.getString("tip_id")), instant(rs, "received_at")))
			.optional();
	}

	/**
	 * Records an accepted submission. When a racing duplicate recorded it first, that earlier record wins and
	 * is returned, so both callers answer with the same receipt.
	 */
	public Submission record(Adapter adapter, Channel channel, String channelMessageId, Submission submission) {
		jdbc.sql("""
				INSERT INTO submission (adapter, channel, channel_message_id, tip_id, received_at)
				VALUES (?, ?, ?, ?, ?)
				ON CONFLICT (adapter, channel, channel_message_id) DO NOTHING""")
			.params(adapter.name(), channel.name(), channelMessageId, submission.tipId().toString(),
					Timestamp.from(submission.receivedAt()))
			.update();
		return find(adapter, channel, channelMessageId).orElseThrow();
	}

	/**
	 * The tip as {@code adapter} may see it: empty when the tip is unknown and equally when another adapter
	 * submitted it, so that no adapter can tell the two apart.
	 */
	public Optional<TipStatus> statusOf(TipId tipId, Adapter adapter) {
		return jdbc.sql("""
				SELECT tip_id, channel, received_at, consent, consent_updated_at FROM submission
				WHERE tip_id = ? AND adapter = ?""")
			.params(tipId.toString(), adapter.name())
			.query((rs, row) -> new TipStatus(TipId.parse(rs.getString("tip_id")),
					Channel.valueOf(rs.getString("channel")), instant(rs, "received_at"),
					(rs.getString("consent") != null) ? Consent.valueOf(rs.getString("consent")) : null,
					instant(rs, "consent_updated_at")))
			.optional();
	}

	/** Keeps the latest answer: one that arrives after a later one was recorded changes nothing. */
	public void recordConsent(TipId tipId, Consent consent, Instant updatedAt) {
		Timestamp at = Timestamp.from(updatedAt);
		jdbc.sql("""
				UPDATE submission SET consent = ?, consent_updated_at = ?
				WHERE tip_id = ? AND (consent_updated_at IS NULL OR consent_updated_at <= ?)""")
			.params(consent.name(), at, tipId.toString(), at)
			.update();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}
}
