package org.tipline.dispatch.delivery;

import java.time.Instant;

import org.tipline.events.Priority;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;

/** One pending delivery of a tip to one endpoint, as claimed from the queue. */
record Delivery(String deliveryId, TipId tipId, String endpoint, StateCode state, Priority priority,
		Instant receivedAt, Instant deadline, String body, int attempts, String traceparent) {
}
