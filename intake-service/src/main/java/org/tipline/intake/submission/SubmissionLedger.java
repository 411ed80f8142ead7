package org.tipline.intake.submission;

import java.sql.Timestamp;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipline.events.Channel;
import org.tipline.events.TipId;

/**
 * Remembers every channel message that became a tip, so a resubmission of the same message gets the same tip
 * back and nothing is published again. Survives restarts and is shared by every intake instance.
 */
@Repository
public class SubmissionLedger {

	private final JdbcClient jdbc;

	SubmissionLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<Submission> find(Channel channel, String channelMessageId) {
		return jdbc
			.sql("SELECT tip_id, received_at FROM submission WHERE channel = ? AND channel_message_id = ?")
			.params(channel.name(), channelMessageId)
			.query((rs, row) -> new Submission(TipId.parse(rs.getString("tip_id")),
					rs.getTimestamp("received_at").toInstant()))
			.optional();
	}

	public boolean knows(TipId tipId) {
		return jdbc.sql("SELECT count(*) FROM submission WHERE tip_id = ?")
			.param(tipId.toString())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Records an accepted submission. When a racing duplicate recorded it first, that earlier record wins and
	 * is returned, so both callers answer with the same receipt.
	 */
	public Submission record(Channel channel, String channelMessageId, Submission submission) {
		jdbc.sql("""
				INSERT INTO submission (channel, channel_message_id, tip_id, received_at) VALUES (?, ?, ?, ?)
				ON CONFLICT (channel, channel_message_id) DO NOTHING""")
			.params(channel.name(), channelMessageId, submission.tipId().toString(),
					Timestamp.from(submission.receivedAt()))
			.update();
		return find(channel, channelMessageId).orElseThrow();
	}
}
