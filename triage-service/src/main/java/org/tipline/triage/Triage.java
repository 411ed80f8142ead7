package org.tipline.triage;

import java.time.Clock;
import java.util.List;

import org.tipline.events.Classification;
import org.tipline.events.Jurisdiction;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.priority.PriorityRule;

/** Triage of one tip: where it belongs, what it describes, how urgent it is. Plain Java, no Spring. */
public class Triage {

	private final JurisdictionResolver jurisdictions;

	private final TipClassifier classifier;

	private final Clock clock;

	public Triage(JurisdictionResolver jurisdictions, TipClassifier classifier, Clock clock) {
		this.jurisdictions = jurisdictions;
		this.classifier = classifier;
		this.clock = clock;
	}

	public TipTriaged apply(TipReceived tip) {
		Jurisdiction jurisdiction = jurisdictions.resolve(tip);
		Classification classification = classifier.classify(tip);
		return new TipTriaged(tip.tipId(), clock.instant(), tip, jurisdiction, classification,
				PriorityRule.priorityOf(classification), TipClassifier.VERSION, List.of());
	}
}
