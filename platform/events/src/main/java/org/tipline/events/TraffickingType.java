package org.tipline.events;

/** The kind of exploitation a tip describes, if any. */
public enum TraffickingType {

	SEX, LABOR, BOTH, UNKNOWN, NONE

}
