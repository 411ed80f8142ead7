package org.tipline.events;

/** How the person reporting is related to the possible victim. */
public enum ReporterRole {

	VICTIM, THIRD_PARTY, FAMILY, PROFESSIONAL, ANONYMOUS

}
