package org.tipline.triage.classification;

import java.util.ArrayList;
import java.util.List;

import org.tipline.events.Classification;
import org.tipline.events.ReporterRole;
import org.tipline.events.TipReceived;
import org.tipline.events.TraffickingType;
import org.tipline.triage.narrative.Narrative;

/**
 * Rules over the narrative in English and Spanish: a minor involved, imminent danger, the kind of exploitation,
 * and who is reporting when the adapter did not say. Every rule that fires is named in the indicators, so an
 * analyst sees why a tip was classified as it was. The narrative's language tag is not trusted: both languages'
 * rules run on every tip.
 */
public final class TipClassifier {

	public static final String VERSION = "rules-1.0";

	private final MinorRule minors = new MinorRule();

	private final DangerRule danger = new DangerRule();

	private final TypeRule types = new TypeRule();

	private final ReporterRule reporters = new ReporterRule();

	public Classification classify(TipReceived tip) {
		return classify(tip, Narrative.of(tip.narrative()));
	}

	public Classification classify(TipReceived tip, Narrative narrative) {
		List<String> indicators = new ArrayList<>();
		boolean minor = minors.applies(narrative, indicators);
		boolean imminent = danger.applies(narrative, indicators);
		TraffickingType type = types.classify(narrative, indicators);
		ReporterRole role = (tip.reporter() != null && tip.reporter().role() != null) ? tip.reporter().role()
				: reporters.infer(narrative, indicators);
		return new Classification(minor, imminent, type, role, indicators);
	}
}
