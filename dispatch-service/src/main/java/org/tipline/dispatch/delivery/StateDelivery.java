package org.tipline.dispatch.delivery;

import java.time.Instant;

import org.tipline.events.Classification;
import org.tipline.events.Jurisdiction;
import org.tipline.events.Priority;
import org.tipline.events.TipDecided;
import org.tipline.events.TipReceived;

/** The JSON body a state endpoint receives for one forwarded tip. */
record StateDelivery(String deliveryId, String tipId, Instant receivedAt, Priority priority,
		Jurisdiction jurisdiction, Classification classification, DecisionPart decision, TipReceived tip) {

	record DecisionPart(String decision, String reasonCode, String rule, String policyVersion) {
	}

	static StateDelivery of(String deliveryId, TipDecided decided) {
		return new StateDelivery(deliveryId, decided.tipId().toString(), decided.triaged().tip().receivedAt(),
				decided.triaged().priority(), decided.triaged().jurisdiction(), decided.triaged().classification(),
				new DecisionPart(decided.decision().name(), decided.reasonCode(), decided.rule(),
						decided.policyVersion()),
				decided.triaged().tip());
	}
}
