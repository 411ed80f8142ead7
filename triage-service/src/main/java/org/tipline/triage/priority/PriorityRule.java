package org.tipline.triage.priority;

import org.tipline.events.Classification;
import org.tipline.events.Priority;
import org.tipline.events.TraffickingType;

/** P1 imminent danger, P2 a minor involved, P3 other trafficking, P4 not trafficking or informational. */
public final class PriorityRule {

	private PriorityRule() {
	}

	public static Priority priorityOf(Classification classification) {
		if (classification.imminentDanger()) {
			return Priority.P1;
		}
		if (classification.minor()) {
			return Priority.P2;
		}
		if (classification.traffickingType() != TraffickingType.NONE) {
			return Priority.P3;
		}
		return Priority.P4;
	}
}
