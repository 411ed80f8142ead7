package org.tipline.events;

/**
 * What two reports of one incident were found to share: the kind only, never the value or its digest. A phone
 * number, e-mail address, licence plate, street address, ad URL or full name; a near-duplicate narrative; or
 * enough of the same story told about the same town.
 */
public enum LinkEvidence {

	PHONE, EMAIL, PLATE, ADDRESS, URL, NAME, NARRATIVE, STORY

}
