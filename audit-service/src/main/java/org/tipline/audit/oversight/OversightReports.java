package org.tipline.audit.oversight;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The answers oversight asks for, computed from tip histories: plain Java, no database, no Spring. */
final class OversightReports {

	/** Orders grouping keys (state, priority, reason...) as their parts would sort, one after another. */
	private static final Comparator<List<String>> KEY_ORDER = Comparator.comparing((key) -> String.join("\u0000", key));

	private OversightReports() {
	}

	/** Intake to delivery per state and priority, and how many forwarded tips made their deadline. */
	record Latency(String state, String priority, int delivered, Long p50Millis, Long p95Millis, Long p99Millis,
			int withDeadline, int withinDeadline, Double shareWithinDeadline) {
	}

	/**
	 * Only forwarded tips with a deadline count towards the share within deadline, and only once the question is
	 * settled: delivered, or not delivered while the deadline has passed (which counts as missed).
	 */
	static List<Latency> latency(List<TipHistory> tips, Instant now) {
		Map<List<String>, List<TipHistory>> groups = tips.stream()
			.filter(TipHistory::forwarded)
			.collect(Collectors.groupingBy((tip) -> List.of(tip.state(), Objects.toString(tip.priority(), "NONE")),
					() -> new TreeMap<>(KEY_ORDER), Collectors.toList()));
		List<Latency> rows = new ArrayList<>();
		groups.forEach((key, group) -> {
			List<Long> latencies = group.stream().map(TipHistory::latencyMillis).filter(Objects::nonNull).sorted().toList();
			List<TipHistory> settled = group.stream()
				.filter((tip) -> tip.deadline() != null && (tip.deliveredAt() != null || tip.deadline().isBefore(now)))
				.toList();
			int within = (int) settled.stream()
				.filter((tip) -> tip.deliveredAt() != null && !tip.deliveredAt().isAfter(tip.deadline()))
				.count();
			rows.add(new Latency(key.get(0), key.get(1), latencies.size(), Percentiles.of(latencies, 50),
					Percentiles.of(latencies, 95), Percentiles.of(latencies, 99), settled.size(), within,
					settled.isEmpty() ? null : (double) within / settled.size()));
		});
		return rows;
	}

	/** How many tips were withheld, or held for consent, by state, reason and policy version. */
	record Withholding(String hop, String state, String reasonCode, String policyVersion, int tips) {
	}

	static List<Withholding> withholdings(List<TipHistory> tips) {
		Map<List<String>, Long> counts = new TreeMap<>(KEY_ORDER);
		for (TipHistory tip : tips) {
			if (tip.withheld()) {
				counts.merge(List.of("WITHHELD", tip.state(), Objects.toString(tip.reasonCode(), ""),
						Objects.toString(tip.policyVersion(), "")), 1L, Long::sum);
			}
			if (tip.heldEver()) {
				counts.merge(List.of("HELD", tip.state(), Objects.toString(tip.heldReason(), ""),
						Objects.toString(tip.policyVersion(), "")), 1L, Long::sum);
			}
		}
		List<Withholding> rows = new ArrayList<>();
		counts.forEach((key, count) -> rows.add(
				new Withholding(key.get(0), key.get(1), key.get(2), key.get(3), count.intValue())));
		return rows;
	}

	/** A tip that has not reached its state: held for consent, awaiting delivery, or dead-lettered. */
	record Pending(String tipId, String status, String state, String priority, Instant receivedAt, Instant deadline,
			String lastHop, Instant lastAt) {
	}

	static List<Pending> pending(List<TipHistory> tips) {
		return tips.stream()
			.filter((tip) -> tip.deliveredAt() == null && !tip.withheld() && (tip.held() || tip.forwarded()))
			.sorted(Comparator.comparing(TipHistory::firstSeenAt))
			.map((tip) -> new Pending(tip.tipId().toString(),
					tip.held() ? "HELD" : (tip.deadLetteredAt() != null) ? "DEAD_LETTERED" : "AWAITING_DELIVERY",
					tip.state(), tip.priority(), tip.firstSeenAt(), tip.deadline(), tip.lastHop().name(),
					tip.lastAt()))
			.toList();
	}

	/** One tip that missed its deadline, and whether it arrived after all. */
	record Breach(String tipId, String priority, Instant deadline, Instant breachedAt, Instant deliveredAt) {
	}

	record StateBreaches(String state, int breaches, List<Breach> tips) {
	}

	/** Tips whose deadline passed undelivered within [from, to), per state. */
	static List<StateBreaches> breaches(List<TipHistory> tips, Instant from, Instant to) {
		Map<String, List<Breach>> byState = new TreeMap<>();
		for (TipHistory tip : tips) {
			tip.breaches().stream()
				.filter((at) -> !at.isBefore(from) && at.isBefore(to))
				.min(Comparator.naturalOrder())
				.ifPresent((at) -> byState.computeIfAbsent(tip.state(), (state) -> new ArrayList<>())
					.add(new Breach(tip.tipId().toString(), tip.priority(), tip.deadline(), at, tip.deliveredAt())));
		}
		List<StateBreaches> rows = new ArrayList<>();
		byState.forEach((state, breaches) -> {
			breaches.sort(Comparator.comparing(Breach::breachedAt));
			rows.add(new StateBreaches(state, breaches.size(), breaches));
		});
		return rows;
	}

	/** A tip that entered and, after the grace period, has reached no end: it must not silently stop. */
	record Incomplete(String tipId, String state, Instant firstSeenAt, String lastHop, Instant lastAt) {
	}

	static List<Incomplete> incomplete(List<TipHistory> tips, Duration grace, Instant now) {
		Instant cutoff = now.minus(grace);
		return tips.stream()
			.filter((tip) -> !tip.isTerminal() && tip.firstSeenAt().isBefore(cutoff))
			.sorted(Comparator.comparing(TipHistory::firstSeenAt))
			.map((tip) -> new Incomplete(tip.tipId().toString(), tip.state(), tip.firstSeenAt(), tip.lastHop().name(),
					tip.lastAt()))
			.toList();
	}

	/**
	 * A state's month, as a transparency report publishes it. {@code withheldByReason} is null, and left out of
	 * the JSON, in the report an analyst reads: reasons are for oversight.
	 */
	record Transparency(String state, YearMonth month, int received, int forwarded, int delivered, int withheld,
			@JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Integer> withheldByReason, int heldForConsent,
			Long p50Millis, Long p95Millis, Long p99Millis, Double shareWithinDeadline, int breaches) {

		Transparency withoutReasons() {
			return new Transparency(state, month, received, forwarded, delivered, withheld, null, heldForConsent,
					p50Millis, p95Millis, p99Millis, shareWithinDeadline, breaches);
		}
	}

	/** {@code tips} are those first seen in the month; breaches count tips of the month that missed a deadline. */
	static Transparency transparency(String state, YearMonth month, List<TipHistory> tips, Instant now) {
		List<TipHistory> ofState = tips.stream().filter((tip) -> tip.state().equals(state)).toList();
		List<Long> latencies = ofState.stream()
			.filter(TipHistory::forwarded)
			.map(TipHistory::latencyMillis)
			.filter(Objects::nonNull)
			.sorted()
			.toList();
		Map<String, Integer> withheldByReason = new TreeMap<>();
		ofState.stream()
			.filter(TipHistory::withheld)
			.forEach((tip) -> withheldByReason.merge(Objects.toString(tip.reasonCode(), ""), 1, Integer::sum));
		List<Latency> deadlines = latency(ofState, now);
		int settled = deadlines.stream().mapToInt(Latency::withDeadline).sum();
		int within = deadlines.stream().mapToInt(Latency::withinDeadline).sum();
		return new Transparency(state, month, ofState.size(), (int) ofState.stream().filter(TipHistory::forwarded).count(),
				(int) ofState.stream().filter((tip) -> tip.deliveredAt() != null).count(),
				(int) ofState.stream().filter(TipHistory::withheld).count(), withheldByReason,
				(int) ofState.stream().filter(TipHistory::held).count(), Percentiles.of(latencies, 50),
				Percentiles.of(latencies, 95), Percentiles.of(latencies, 99),
				(settled == 0) ? null : (double) within / settled,
				(int) ofState.stream().filter((tip) -> !tip.breaches().isEmpty()).count());
	}
}
