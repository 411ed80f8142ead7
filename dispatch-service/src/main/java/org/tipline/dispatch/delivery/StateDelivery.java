package org.tipline.dispatch.delivery;

import java.time.Instant;
import java.util.List;

import org.tipline.events.Classification;
import org.tipline.events.Contact;
import org.tipline.events.Jurisdiction;
import org.tipline.events.Location;
import org.tipline.events.Priority;
import org.tipline.events.Reporter;
import org.tipline.events.TipDecided;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;

/**
 * The JSON body a state endpoint receives for one forwarded tip. {@code redacted} lists the fields the policy
 * left out of a FORWARD_REDACTED delivery, so the state knows what it was not given.
 */
public record StateDelivery(String deliveryId, String tipId, Instant receivedAt, Instant deadline, Priority priority,
		Jurisdiction jurisdiction, Classification classification, List<TipId> linkedTipIds, DecisionPart decision,
		List<String> redacted, TipReceived tip) {

	public record DecisionPart(String decision, String reasonCode, String rule, String policyVersion) {
	}

	/** The delivery id is also the webhook-id: the same for every attempt of one tip to one endpoint. */
	public static String deliveryIdOf(TipId tipId, String endpoint) {
		return "dlv_" + tipId.value().toString().replace("-", "") + "_" + endpoint.replace('/', '_');
	}

	public static StateDelivery of(TipDecided decided, List<String> redact) {
		return new StateDelivery(deliveryIdOf(decided.tipId(), decided.endpoint()), decided.tipId().toString(),
				decided.triaged().tip().receivedAt(), decided.deadline(), decided.triaged().priority(),
				decided.triaged().jurisdiction(), decided.triaged().classification(), decided.triaged().linkedTipIds(),
				new DecisionPart(decided.decision().name(), decided.reasonCode(), decided.rule(), decided.policyVersion()),
				redact, redacted(decided.triaged().tip(), redact));
	}

	StateDelivery withTip(TipReceived other) {
		return new StateDelivery(deliveryId, tipId, receivedAt, deadline, priority, jurisdiction, classification,
				linkedTipIds, decision, redacted, other);
	}

	static TipReceived redacted(TipReceived tip, List<String> fields) {
		if (fields.isEmpty()) {
			return tip;
		}
		Reporter reporter = tip.reporter();
		if (reporter != null && reporter.contact() != null) {
			Contact contact = reporter.contact();
			Contact kept = fields.contains("reporter.contact") ? null
					: new Contact(fields.contains("reporter.contact.phone") ? null : contact.phone(),
							fields.contains("reporter.contact.email") ? null : contact.email());
			reporter = new Reporter(reporter.role(), reporter.consentToLawEnforcement(), kept);
		}
		Location location = tip.location();
		if (location != null) {
			boolean coordinates = fields.contains("location.coordinates");
			location = new Location(location.state(), location.city(), location.zip(),
					fields.contains("location.address") ? null : location.address(),
					coordinates ? null : location.lat(), coordinates ? null : location.lon());
		}
		return new TipReceived(tip.tipId(), tip.receivedAt(), tip.channel(), tip.channelMessageId(), tip.language(),
				reporter, fields.contains("narrative") ? null : tip.narrative(), location,
				fields.contains("callerPhone") ? null : tip.callerPhone());
	}
}
