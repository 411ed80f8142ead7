package org.tipline.intake.submission;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.TipId;

/**
 * What intake knows of a tip it accepted, as its adapter reads it back: never the narrative or anyone's contact.
 *
 * @param consent the victim's later answer through the consent endpoint; absent until one was given
 * @param consentUpdatedAt when that answer was given
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TipStatus(TipId tipId, Channel channel, Instant receivedAt, Consent consent, Instant consentUpdatedAt) {
}
