package org.tipline.events;

/**
 * The state whose law enforcement can act on a tip; {@code state} is null with confidence 0 when unknown.
 * {@code secondState} is another state the tip names, e.g. where the victim is being moved or where the caller is.
 */
public record Jurisdiction(StateCode state, double confidence, JurisdictionBasis basis, StateCode secondState) {

	public Jurisdiction(StateCode state, double confidence, JurisdictionBasis basis) {
		this(state, confidence, basis, null);
	}

	public static Jurisdiction unknown() {
		return new Jurisdiction(null, 0.0, null, null);
	}

	public boolean hasState() {
		return state != null;
	}
}
