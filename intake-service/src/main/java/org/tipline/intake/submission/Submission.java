package org.tipline.intake.submission;

import java.time.Instant;

import org.tipline.events.TipId;

/** A channel message that intake has accepted, and the tip it became. */
public record Submission(TipId tipId, Instant receivedAt) {
}
