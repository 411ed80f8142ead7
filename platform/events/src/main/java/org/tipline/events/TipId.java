package org.tipline.events;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The identity of one tip across every service, topic and record; the Kafka key of every tip event. */
public record TipId(UUID value) {

	public TipId {
		Objects.requireNonNull(value, "tip id");
	}

	@JsonCreator
	public static TipId parse(String text) {
		return new TipId(UUID.fromString(text));
	}

	/**
	 * The same submission (adapter, channel and the channel's own message id) always gets the same tip id, so a
	 * retried or racing duplicate can never become a second tip downstream. The adapter is part of the name: each
	 * adapter numbers its own messages, so another adapter's message with the same channel and id is another tip.
	 */
	public static TipId forSubmission(String adapter, Channel channel, String channelMessageId) {
		String name = "tipline/submission/" + adapter + "/" + channel.name() + "/" + channelMessageId;
		return new TipId(UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)));
	}

	@JsonValue
	@Override
	public String toString() {
		return value.toString();
	}
}
