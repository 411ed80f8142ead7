package org.tipline.triage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.tipline.events.Classification;
import org.tipline.events.Jurisdiction;
import org.tipline.events.TipLinked;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.linking.TipLinker;
import org.tipline.triage.narrative.Narrative;
import org.tipline.triage.priority.PriorityRule;

/** Triage of one tip: where it belongs, what it describes, how urgent it is, which tips it repeats. No Spring. */
public class Triage {

	private final JurisdictionResolver jurisdictions;

	private final TipClassifier classifier;

	private final TipLinker linker;

	private final Clock clock;

	public Triage(JurisdictionResolver jurisdictions, TipClassifier classifier, TipLinker linker, Clock clock) {
		this.jurisdictions = jurisdictions;
		this.classifier = classifier;
		this.linker = linker;
		this.clock = clock;
	}

	public Result apply(TipReceived tip) {
		Narrative narrative = Narrative.of(tip.narrative());
		JurisdictionResolver.Resolution resolution = jurisdictions.resolveWithTowns(tip, narrative);
		Jurisdiction jurisdiction = resolution.jurisdiction();
		Classification classification = classifier.classify(tip, narrative);
		List<TipLinker.Link> links = linker.links(tip, narrative, jurisdiction.state(), resolution.towns());
		Instant triagedAt = clock.instant();
		TipTriaged triaged = new TipTriaged(tip.tipId(), triagedAt, tip, jurisdiction, classification,
				PriorityRule.priorityOf(classification), TipClassifier.VERSION,
				links.stream().map(TipLinker.Link::tipId).toList());
		return new Result(triaged, links.stream()
			.map((link) -> new TipLinked(link.tipId(), tip.tipId(), triagedAt, link.evidence()))
			.toList());
	}

	/**
	 * What triaging one tip publishes: the triaged tip, which names the earlier tips about the same incident, and
	 * for each of those a {@link TipLinked} keyed by it, so the link is recorded both ways.
	 */
	public record Result(TipTriaged triaged, List<TipLinked> linked) {
	}
}
