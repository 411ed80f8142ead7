package org.tipline.events;

import java.util.List;

/** What triage read in a tip, with the indicators that fired so an analyst can see why. */
public record Classification(boolean minor, boolean imminentDanger, TraffickingType traffickingType,
		ReporterRole reporterRole, List<String> indicators) {

	public Classification {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}
}
