package org.tipline.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Tip {@code tipId} reports the same incident as tip {@code linkedTipId}, received after it (or at about the same
 * time): triage found the link at {@code linkedAt} while triaging {@code linkedTipId}, on the {@code evidence}
 * listed. Published by triage-service on {@value Topics#TIPS_LINKED}, keyed by {@code tipId}, once per earlier tip
 * that {@code linkedTipId}'s {@link TipTriaged#linkedTipIds()} names, so the earlier tip's record learns of the
 * later one.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipLinked(TipId tipId, TipId linkedTipId, Instant linkedAt, List<LinkEvidence> evidence) {

	public TipLinked {
		evidence = (evidence == null) ? List.of() : List.copyOf(evidence);
	}
}
