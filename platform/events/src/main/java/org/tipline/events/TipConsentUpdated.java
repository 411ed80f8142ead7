package org.tipline.events;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A victim's consent to law enforcement, given or refused after the tip was received (through the hotline).
 * Published by intake-service on {@value Topics#TIPS_CONSENT}, keyed by tip id; releases or settles a tip that
 * dispatch holds for consent.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TipConsentUpdated(TipId tipId, Consent consent, Instant updatedAt) {
}
