package org.tipline.triage.linking;

/**
 * One thing two reports of the same incident can share, kept only as a keyed digest: the index never holds a
 * phone number, plate, address or narrative in the clear.
 */
public record IncidentKey(Kind kind, String digest) {

	public enum Kind {

		PHONE(1), EMAIL(1), PLATE(1), ADDRESS(1), URL(1), NAME(1),
		/**
		 * One band of the narrative's MinHash signature: several shared bands mean a near-duplicate text. Three
		 * shared bands is about 55 % resemblance.
		 */
		NARRATIVE(3),
		/**
		 * One word of what the narrative tells, under one town it names in its state ("dothan" and "buffet"):
		 * several shared mean two reports tell the same story about the same town, however worded. Reworded
		 * reports of one incident share eight to a dozen (the venue, the ages and numbers, what happens); unrelated
		 * tips about the same town share a few words of the trade ("girl", "motel", "work", "passport").
		 */
		STORY(6);

		private final int sharedToLink;

		Kind(int sharedToLink) {
			this.sharedToLink = sharedToLink;
		}

		/** How many keys of this kind two tips must share to be linked: one identifier is enough on its own. */
		public int sharedToLink() {
			return sharedToLink;
		}

	}
}
