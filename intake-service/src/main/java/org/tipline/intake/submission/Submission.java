package org.tipline.intake.submission;

import java.time.Instant;

import org.tipline.events.Channel;
import org.tipline.events.TipId;
import org.tipline.intake.adapter.Adapter;

/** A channel message that intake has accepted, and the tip it became. */
public record Submission(TipId tipId, Instant receivedAt) {

	/** The tip a channel message becomes: the same adapter sending the same message again gets the same id. */
	public static TipId tipIdOf(Adapter adapter, Channel channel, String channelMessageId) {
		return TipId.forSubmission(adapter.name(), channel, channelMessageId);
	}
}
