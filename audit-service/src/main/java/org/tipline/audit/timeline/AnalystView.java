package org.tipline.audit.timeline;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.tipline.audit.ledger.AuditLedger;
import org.tipline.audit.ledger.Hop;

/**
 * What an analyst sees of an entry: what happened to the tip, when, where and how urgently, but not why. Left out
 * are reason codes, rules and policy versions, the victim's consent, triage's classification of the tip (a minor,
 * imminent danger, who reported), the state's case number, delivery errors and dead letters' origins. Facts are
 * kept by name, so a fact entries carry later stays hidden from analysts until someone decides otherwise. A link
 * is shown whole: the later tip's id and the kinds of evidence the two share ({@code PHONE}, {@code STORY}) are
 * neither personal data nor a reason for a decision, and tell an analyst which tips to read together.
 */
final class AnalystView {

	static final Set<String> FACTS = Set.of("state", "priority", "deadline", "channel", "decision", "endpoint",
			"attempt", "statusCode", "latencyMillis", "stateConfidence", "stateBasis", "classifierVersion", "traceId",
			"linkedTipId", "evidence");

	/** The outcome of the others is a reason code ({@code WITHHELD}, {@code HELD}) or the victim's consent. */
	private static final Set<Hop> OUTCOME_SHOWN = EnumSet.of(Hop.RECEIVED, Hop.TRIAGED, Hop.LINKED, Hop.DECIDED,
			Hop.DELIVERY_ATTEMPTED, Hop.DELIVERED, Hop.SLA_BREACHED, Hop.DEAD_LETTERED, Hop.REPLAYED);

	private AnalystView() {
	}

	static AuditLedger.RecordedEntry of(AuditLedger.RecordedEntry entry) {
		Map<String, Object> facts = new LinkedHashMap<>();
		entry.details().forEach((name, value) -> {
			if (FACTS.contains(name)) {
				facts.put(name, value);
			}
		});
		return new AuditLedger.RecordedEntry(entry.seq(), entry.hop(), entry.service(), entry.at(),
				OUTCOME_SHOWN.contains(entry.hop()) ? entry.outcome() : null, facts, entry.eventType(),
				entry.eventDigest());
	}
}
