package org.tipline.security;

import org.tipline.events.Contact;
import org.tipline.events.Location;
import org.tipline.events.Reporter;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * The fields of a tip that are personal data and never cross Kafka or rest in a table in the clear: the narrative
 * (it names victims and places), the reporter's contact, the caller's phone and the street address. State, city, ZIP
 * and coordinates stay readable because routing, linking and oversight need them without the keys.
 */
final class PersonalFields {

	static final String NARRATIVE = "narrative";

	static final String CONTACT_PHONE = "reporter.contact.phone";

	static final String CONTACT_EMAIL = "reporter.contact.email";

	static final String CALLER_PHONE = "callerPhone";

	static final String ADDRESS = "location.address";

	@FunctionalInterface
	interface FieldTransform {

		String apply(TipId tipId, String field, String value);
	}

	private PersonalFields() {
	}

	/** The tip with each personal field replaced by what {@code transform} makes of it; absent fields stay absent. */
	static TipReceived transform(TipReceived tip, FieldTransform transform) {
		TipId id = tip.tipId();
		Reporter reporter = tip.reporter();
		if (reporter != null && reporter.contact() != null) {
			Contact contact = reporter.contact();
			reporter = new Reporter(reporter.role(), reporter.consentToLawEnforcement(),
					new Contact(apply(transform, id, CONTACT_PHONE, contact.phone()),
							apply(transform, id, CONTACT_EMAIL, contact.email())));
		}
		Location location = tip.location();
		if (location != null && location.address() != null) {
			location = new Location(location.state(), location.city(), location.zip(),
					apply(transform, id, ADDRESS, location.address()), location.lat(), location.lon());
		}
		return new TipReceived(id, tip.receivedAt(), tip.channel(), tip.channelMessageId(), tip.language(), reporter,
				apply(transform, id, NARRATIVE, tip.narrative()), location,
				apply(transform, id, CALLER_PHONE, tip.callerPhone()));
	}

	private static String apply(FieldTransform transform, TipId id, String field, String value) {
		return (value == null) ? null : transform.apply(id, field, value);
	}
}
