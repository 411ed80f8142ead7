package org.tipline.events;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A tip with its jurisdiction, classification and priority. Published by triage-service on
 * {@value Topics#TIPS_TRIAGED}, keyed by tip id; carries the received tip so dispatch needs no other source.
 * {@code linkedTipIds} are earlier tips that triage found to be about the same incident.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipTriaged(TipId tipId, Instant triagedAt, TipReceived tip, Jurisdiction jurisdiction,
		Classification classification, Priority priority, String classifierVersion, List<TipId> linkedTipIds) {

	public TipTriaged {
		linkedTipIds = (linkedTipIds == null) ? List.of() : List.copyOf(linkedTipIds);
	}
}
