package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * An operator replayed a tip: an undelivered delivery was made due again ({@code what} DELIVERY,
 * {@code reference} its delivery id) or a dead-lettered record was put back on its topic (DEAD_LETTER,
 * {@code topic/partition/offset}). {@code operator} is who did it: the name their key is configured under in
 * dispatch, never the key (absent from events published before it was added). Published by dispatch-service on
 * {@value Topics#TIPS_REPLAYS}, keyed by tip id.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipReplayed(TipId tipId, Instant replayedAt, String what, String reference, String operator) {
}
