package org.tipline.triage.linking;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.tipline.events.LinkEvidence;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.triage.narrative.Narrative;

/**
 * Finds the earlier (or concurrent) tips about the same incident: one shared phone number, e-mail, plate,
 * address, URL or full name is enough. Wording alone needs either several shared narrative bands, which MinHash
 * gives to texts that share most of their three-word phrases, or, for a report told again in other words,
 * several shared story terms under the same town (same venue, same ages and numbers, same events).
 */
public final class TipLinker {

	/**
	 * At most this many earlier tips are linked to one new tip, those with the most kinds of evidence first. A
	 * state needs to see that an incident was reported before, not every copy; and each link is an event and an
	 * audit entry, so a flood of near-identical tips must not multiply into hundreds of them per tip.
	 */
	static final int MOST_LINKS_PER_TIP = 10;

	private final IncidentKeys keys;

	private final LinkIndex index;

	public TipLinker(IncidentKeys keys, LinkIndex index) {
		this.keys = keys;
		this.index = index;
	}

	/**
	 * The tips the given one reports the same incident as (at most {@link #MOST_LINKS_PER_TIP}), in tip-id order,
	 * each with the kinds of evidence that were enough on their own to link them.
	 */
	public List<Link> links(TipReceived tip, Narrative narrative, StateCode state, Set<String> towns) {
		Set<IncidentKey> tipKeys = keys.of(tip, narrative, state, towns);
		if (tipKeys.isEmpty()) {
			return List.of();
		}
		Map<TipId, Set<LinkEvidence>> linked = new TreeMap<>(Comparator.comparing(TipId::toString));
		for (LinkIndex.Match match : index.rememberAndMatch(tip.tipId(), tip.receivedAt(), tipKeys)) {
			linked.computeIfAbsent(match.tipId(), (id) -> EnumSet.noneOf(LinkEvidence.class))
				.add(evidenceOf(match.kind()));
		}
		return linked.entrySet()
			.stream()
			.sorted(Comparator.comparingInt((Map.Entry<TipId, Set<LinkEvidence>> link) -> -link.getValue().size()))
			.limit(MOST_LINKS_PER_TIP)
			.sorted(Comparator.comparing((Map.Entry<TipId, Set<LinkEvidence>> link) -> link.getKey().toString()))
			.map((link) -> new Link(link.getKey(), List.copyOf(link.getValue())))
			.toList();
	}

	/** Another tip about the same incident, and what the two were found to share, in {@link LinkEvidence} order. */
	public record Link(TipId tipId, List<LinkEvidence> evidence) {
	}

	/** The published name of each kind of key: a kind added here must be given one in the event contract. */
	private static LinkEvidence evidenceOf(IncidentKey.Kind kind) {
		return switch (kind) {
			case PHONE -> LinkEvidence.PHONE;
			case EMAIL -> LinkEvidence.EMAIL;
			case PLATE -> LinkEvidence.PLATE;
			case ADDRESS -> LinkEvidence.ADDRESS;
			case URL -> LinkEvidence.URL;
			case NAME -> LinkEvidence.NAME;
			case NARRATIVE -> LinkEvidence.NARRATIVE;
			case STORY -> LinkEvidence.STORY;
		};
	}
}
