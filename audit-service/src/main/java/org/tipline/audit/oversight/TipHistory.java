package org.tipline.audit.oversight;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.tipline.audit.ledger.Hop;

/**
 * What the log says happened to one tip, folded from its entries in log order: where it went, what was decided
 * last, when it was delivered, held, withheld, dead-lettered or late. Oversight answers are computed from these.
 */
record TipHistory(UUID tipId, Instant firstSeenAt, Instant receivedAt, String state, String priority,
		String decision, String reasonCode, String policyVersion, Instant deadline, Instant deliveredAt,
		boolean withheld, boolean heldEver, String heldReason, Instant deadLetteredAt, List<Instant> breaches,
		Hop lastHop, Instant lastAt) {

	/** A tip the log has no state for, because triage found none: it goes to the fallback desk. */
	static final String NO_STATE = "NONE";

	/** One entry as oversight reads it. */
	record Entry(UUID tipId, Hop hop, Instant at, String outcome, Map<String, Object> details) {
	}

	/** Folds entries (in log order) into one history per tip, tips in the order first seen. */
	static List<TipHistory> fold(List<Entry> entries) {
		Map<UUID, Builder> tips = new LinkedHashMap<>();
		for (Entry entry : entries) {
			tips.computeIfAbsent(entry.tipId(), Builder::new).add(entry);
		}
		return tips.values().stream().map(Builder::build).toList();
	}

	boolean forwarded() {
		return "FORWARD".equals(decision) || "FORWARD_REDACTED".equals(decision);
	}

	boolean held() {
		return "HOLD_FOR_CONSENT".equals(decision) && !isTerminal();
	}

	boolean isTerminal() {
		return deliveredAt != null || withheld || deadLetteredAt != null;
	}

	/** Intake to the first delivery the endpoint acknowledged, when both are on the record. */
	Long latencyMillis() {
		return (receivedAt == null || deliveredAt == null) ? null
				: deliveredAt.toEpochMilli() - receivedAt.toEpochMilli();
	}

	private static final class Builder {

		private final UUID tipId;

		private Instant firstSeenAt;

		private Instant receivedAt;

		private String state;

		private String priority;

		private String decision;

		private String reasonCode;

		private String policyVersion;

		private Instant deadline;

		private Instant deliveredAt;

		private boolean withheld;

		private boolean heldEver;

		private String heldReason;

		private Instant deadLetteredAt;

		private final List<Instant> breaches = new ArrayList<>();

		private Hop lastHop;

		private Instant lastAt;

		Builder(UUID tipId) {
			this.tipId = tipId;
		}

		void add(Entry entry) {
			Map<String, Object> details = entry.details();
			if (firstSeenAt == null || entry.at().isBefore(firstSeenAt)) {
				firstSeenAt = entry.at();
			}
			// A link is a fact learned about the tip, days later perhaps, not a step on its way to a state: it
			// stands for the last hop only while the log holds nothing else of the tip.
			boolean progress = entry.hop() != Hop.LINKED;
			if (lastHop == null || (progress && (lastHop == Hop.LINKED || !entry.at().isBefore(lastAt)))) {
				lastAt = entry.at();
				lastHop = entry.hop();
			}
			switch (entry.hop()) {
				case RECEIVED -> receivedAt = entry.at();
				case TRIAGED -> {
					state = (state == null) ? text(details, "state") : state;
					priority = (priority == null) ? text(details, "priority") : priority;
				}
				case DECIDED -> {
					state = firstNonNull(text(details, "state"), state);
					priority = firstNonNull(text(details, "priority"), priority);
					decision = entry.outcome();
					reasonCode = text(details, "reasonCode");
					policyVersion = text(details, "policyVersion");
					String due = text(details, "deadline");
					deadline = (due == null) ? deadline : Instant.parse(due);
				}
				case HELD -> {
					heldEver = true;
					heldReason = entry.outcome();
				}
				case WITHHELD -> withheld = true;
				case DELIVERED -> deliveredAt = (deliveredAt == null) ? entry.at() : deliveredAt;
				case DEAD_LETTERED -> deadLetteredAt = (deadLetteredAt == null) ? entry.at() : deadLetteredAt;
				case SLA_BREACHED -> breaches.add(entry.at());
				case LINKED, CONSENT_UPDATED, DELIVERY_ATTEMPTED -> {
				}
			}
		}

		TipHistory build() {
			return new TipHistory(tipId, firstSeenAt, receivedAt, (state == null) ? NO_STATE : state, priority,
					decision, reasonCode, policyVersion, deadline, deliveredAt, withheld, heldEver, heldReason,
					deadLetteredAt, List.copyOf(breaches), lastHop, lastAt);
		}

		private static String text(Map<String, Object> details, String name) {
			Object value = details.get(name);
			return (value == null) ? null : value.toString();
		}

		private static String firstNonNull(String preferred, String fallback) {
			return (preferred != null) ? preferred : fallback;
		}
	}
}
