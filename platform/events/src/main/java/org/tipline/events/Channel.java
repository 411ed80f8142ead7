package org.tipline.events;

/** The way a tip reached the hotline. */
public enum Channel {

	SMS, PHONE, EMAIL, WEB, CHAT

}
