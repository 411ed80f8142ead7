package org.tipline.events;

/** The state whose law enforcement can act on a tip; {@code state} is null with confidence 0 when unknown. */
public record Jurisdiction(StateCode state, double confidence, JurisdictionBasis basis) {

	public static Jurisdiction unknown() {
		return new Jurisdiction(null, 0.0, null);
	}

	public boolean hasState() {
		return state != null;
	}
}
