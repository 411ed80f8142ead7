package org.tipline.triage.linking;

/**
 * One thing two reports of the same incident can share, kept only as a keyed digest: the index never holds a
 * phone number, plate, address or narrative in the clear.
 */
public record IncidentKey(Kind kind, String digest) {

	public enum Kind {

		PHONE, EMAIL, PLATE, ADDRESS, URL, NAME,
		/** One band of the narrative's MinHash signature: several shared bands mean a near-duplicate text. */
		NARRATIVE,
		/**
		 * One word of what the narrative tells, under one town it names in its state ("dothan" and "buffet"):
		 * several shared mean two reports tell the same story about the same town, however worded.
		 */
		STORY

	}
}
