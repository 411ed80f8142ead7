package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A tip accepted by intake. Published by intake-service on {@value Topics#TIPS_RECEIVED} once per submission,
 * keyed by tip id, before the channel adapter is told 202.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipReceived(TipId tipId, Instant receivedAt, Channel channel, String channelMessageId, String language,
		Reporter reporter, String narrative, Location location, String callerPhone) {
}
