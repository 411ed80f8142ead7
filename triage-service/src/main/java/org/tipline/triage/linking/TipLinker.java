package org.tipline.triage.linking;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.triage.narrative.Narrative;

/**
 * Finds the earlier (or concurrent) tips about the same incident: one shared phone number, e-mail, plate,
 * address, URL or full name is enough; wording alone needs several shared narrative bands, which MinHash gives
 * to texts that share most of their three-word phrases.
 */
public final class TipLinker {

	/** Narrative bands that two tips must share to count as near-duplicates (about 55% resemblance). */
	static final int NARRATIVE_BANDS_TO_LINK = 3;

	private final IncidentKeys keys;

	private final LinkIndex index;

	public TipLinker(IncidentKeys keys, LinkIndex index) {
		this.keys = keys;
		this.index = index;
	}

	public List<TipId> linkedTips(TipReceived tip, Narrative narrative, StateCode state) {
		Set<IncidentKey> tipKeys = keys.of(tip, narrative, state);
		if (tipKeys.isEmpty()) {
			return List.of();
		}
		Set<TipId> linked = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
		for (LinkIndex.Match match : index.rememberAndMatch(tip.tipId(), tip.receivedAt(), tipKeys)) {
			if (match.kind() != IncidentKey.Kind.NARRATIVE || match.shared() >= NARRATIVE_BANDS_TO_LINK) {
				linked.add(match.tipId());
			}
		}
		return List.copyOf(linked);
	}
}
