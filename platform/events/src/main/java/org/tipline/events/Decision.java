package org.tipline.events;

/** What dispatch does with a triaged tip. */
public enum Decision {

	FORWARD, FORWARD_REDACTED, WITHHOLD, HOLD_FOR_CONSENT

}
