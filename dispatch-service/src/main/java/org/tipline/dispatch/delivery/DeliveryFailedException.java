package org.tipline.dispatch.delivery;

import org.tipline.events.TipId;

/** Every attempt failed; the binder dead-letters the decision so an operator sees and replays it. */
class DeliveryFailedException extends RuntimeException {

	DeliveryFailedException(TipId tipId, String endpoint, int attempts) {
		super("tip " + tipId + " not delivered to " + endpoint + " after " + attempts + " attempts");
	}
}
