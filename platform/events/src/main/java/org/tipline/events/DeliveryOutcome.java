package org.tipline.events;

/** The result of one attempt to deliver a tip to a state endpoint. */
public enum DeliveryOutcome {

	DELIVERED, FAILED

}
