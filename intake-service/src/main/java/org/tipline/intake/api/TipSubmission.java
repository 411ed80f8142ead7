package org.tipline.intake.api;

import java.time.Instant;

import org.tipline.events.Channel;
import org.tipline.events.Consent;
import org.tipline.events.Contact;
import org.tipline.events.Location;
import org.tipline.events.Reporter;
import org.tipline.events.ReporterRole;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * The body of {@code POST /v1/tips} as a channel adapter sends it. Enumerations stay strings here so that a bad
 * value is reported by field name instead of failing the whole parse; {@link TipSubmissionValidator} checks them.
 */
record TipSubmission(String channel, String channelMessageId, String language, ReporterPart reporter,
		String narrative, LocationPart location, String callerPhone) {

	record ReporterPart(String role, String consentToLawEnforcement, ContactPart contact) {
	}

	record ContactPart(String phone, String email) {
	}

	record LocationPart(String state, String city, String zip, String address, Double lat, Double lon) {
	}

	Channel parsedChannel() {
		return Channel.valueOf(channel);
	}

	/** Only call after the validator found nothing wrong. */
	TipReceived toEvent(TipId tipId, Instant receivedAt) {
		return new TipReceived(tipId, receivedAt, parsedChannel(), channelMessageId, language, reporterEvent(),
				narrative, locationEvent(), callerPhone);
	}

	private Reporter reporterEvent() {
		if (reporter == null) {
			return null;
		}
		Contact contact = (reporter.contact() != null)
				? new Contact(reporter.contact().phone(), reporter.contact().email()) : null;
		return new Reporter((reporter.role() != null) ? ReporterRole.valueOf(reporter.role()) : null,
				(reporter.consentToLawEnforcement() != null) ? Consent.valueOf(reporter.consentToLawEnforcement())
						: null,
				contact);
	}

	private Location locationEvent() {
		if (location == null) {
			return null;
		}
		return new Location((location.state() != null) ? StateCode.of(location.state()) : null, location.city(),
				location.zip(), location.address(), location.lat(), location.lon());
	}
}
