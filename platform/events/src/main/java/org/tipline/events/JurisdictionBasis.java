package org.tipline.events;

/** The evidence a jurisdiction was inferred from, strongest first. */
public enum JurisdictionBasis {

	STATED, ADDRESS, ZIP, CITY, COORDINATES, AREA_CODE

}
