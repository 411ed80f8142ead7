package org.tipline.triage.jurisdiction;

import java.util.Map;

import org.tipline.events.StateCode;

/**
 * A place the narrative names: the states it may be in, each with the population of the place there (0 when
 * unknown), what kind of name it was, what part it plays in the story, and the name as written (folded).
 */
record PlaceMention(Map<StateCode, Integer> candidates, Kind kind, Role role, int at, String name) {

	enum Kind {

		/** "Dothan, Alabama", "jackson ms", a ZIP code: one state, written out. */
		EXPLICIT(3.0),
		/** "Ohio", "Kanawha County", "htown". */
		REGION(2.0),
		/** A city big enough to be known by its name alone: "Tulsa", "Columbus". */
		WELL_KNOWN_PLACE(2.0),
		/** A smaller place, taken only where the text says "in", "near", "cerca de" before it. */
		PLACE(1.5);

		final double weight;

		Kind(double weight) {
			this.weight = weight;
		}
	}

	enum Role {

		/** Where the victim or the incident is now. */
		HERE(1.0),
		/** Where the reporter is: the incident's place only when nothing else is named. */
		REPORTER(0.5),
		/** Where the victim is being taken: the second state, not the first. */
		DESTINATION(0.25),
		/** Where someone came from. */
		ORIGIN(0.2);

		final double weight;

		Role(double weight) {
			this.weight = weight;
		}
	}

	boolean ambiguous() {
		return candidates.size() > 1;
	}

	double weight() {
		return kind.weight * role.weight;
	}
}
