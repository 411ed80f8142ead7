package org.tipline.events;

/** Whether the reporter agreed that law enforcement may receive the tip. */
public enum Consent {

	GRANTED, DECLINED, NOT_ASKED

}
