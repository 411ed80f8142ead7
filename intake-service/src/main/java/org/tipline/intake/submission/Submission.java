package org.tipline.intake.submission;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.tipline.events.Channel;
import org.tipline.events.TipId;
import org.tipline.intake.adapter.Adapter;

/** A channel message that intake has accepted, and the tip it became. */
public record Submission(TipId tipId, Instant receivedAt) {

	/**
	 * The tip a channel message becomes. The same adapter sending the same message again always gets the same id,
	 * so a retried or racing duplicate can never become a second tip downstream. The adapter is part of the name:
	 * each adapter numbers its own messages, so another adapter's message with the same channel and id is another
	 * tip, and neither adapter can reach the other's.
	 */
	public static TipId tipIdOf(Adapter adapter, Channel channel, String channelMessageId) {
		String name = "tipline/submission/" + adapter.name() + "/" + channel.name() + "/" + channelMessageId;
		return new TipId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
	}
}
