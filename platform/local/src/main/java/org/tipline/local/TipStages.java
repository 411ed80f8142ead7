package org.tipline.local;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Where the delivered tips of a window spent their time, read from the audit log's hop times: each stage's
 * percentiles, and the stages of the slowest tips. An end-to-end percentile says that some tips were slow; this says
 * in which service, which is what a change has to aim at.
 * <p>
 * The times are the events' own: intake's receive time, triage's and dispatch's decision times, and the start of
 * the delivery attempt that succeeded, with its HTTP round trip as dispatch measured it. All services run on the
 * same machine here, so one clock stamps them all.
 */
record TipStages(List<Tip> tips) {

	/** One delivered tip's hop times. */
	record Tip(Instant received, Instant triaged, Instant decided, Instant attempted, Duration attempt) {

		Duration toTriaged() {
			return Duration.between(received, triaged);
		}

		Duration toDecided() {
			return Duration.between(triaged, decided);
		}

		Duration toAttempt() {
			return Duration.between(decided, attempted);
		}

		Duration toDelivered() {
			return Duration.between(received, attempted).plus(attempt);
		}
	}

	/** The tips received from {@code from} until {@code to} that were delivered, from the audit database. */
	static TipStages read(LocalSettings settings, Instant from, Instant to) throws SQLException {
		List<Tip> tips = new ArrayList<>();
		try (Connection connection = settings.connect("audit");
				PreparedStatement query = connection.prepareStatement("""
						SELECT min(at) FILTER (WHERE hop = 'RECEIVED') AS received,
						       min(at) FILTER (WHERE hop = 'TRIAGED') AS triaged,
						       min(at) FILTER (WHERE hop = 'DECIDED') AS decided,
						       min(at) FILTER (WHERE hop = 'DELIVERED') AS attempted,
						       min((details ->> 'latencyMillis')::bigint) FILTER (WHERE hop = 'DELIVERED') AS attempt_millis
						FROM audit_entry
						WHERE tip_id IN (SELECT tip_id FROM audit_entry WHERE hop = 'RECEIVED' AND at >= ? AND at < ?)
						GROUP BY tip_id""")) {
			query.setTimestamp(1, Timestamp.from(from));
			query.setTimestamp(2, Timestamp.from(to));
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					Timestamp triaged = rows.getTimestamp("triaged");
					Timestamp decided = rows.getTimestamp("decided");
					Timestamp attempted = rows.getTimestamp("attempted");
					if (triaged != null && decided != null && attempted != null) {
						tips.add(new Tip(rows.getTimestamp("received").toInstant(), triaged.toInstant(),
								decided.toInstant(), attempted.toInstant(),
								Duration.ofMillis(rows.getLong("attempt_millis"))));
					}
				}
			}
		}
		return new TipStages(tips);
	}

	/** Report rows, in the benchmark's table. */
	String report() {
		if (tips.isEmpty()) {
			return "| stages (audit log) | no delivered tip of the window found in the audit log |\n";
		}
		StringBuilder text = new StringBuilder();
		text.append(row("received to triaged (intake's send, the hop, triage)", Tip::toTriaged));
		text.append(row("triaged to decided (links and send, the hop, dispatch)", Tip::toDecided));
		text.append(row("decided to delivery attempt (dispatch's transaction and queue)", Tip::toAttempt));
		text.append(row("delivery attempt (HTTP round trip)", Tip::attempt));
		List<Tip> slowest = slowest();
		text.append(String.format("| the slowest 1 %% (%d tips, %.0f ms and more): median of each stage above | %.1f / "
				+ "%.1f / %.1f / %.1f ms |%n", slowest.size(), millis(slowest.get(slowest.size() - 1).toDelivered()),
				of(slowest, Tip::toTriaged).percentileMillis(50), of(slowest, Tip::toDecided).percentileMillis(50),
				of(slowest, Tip::toAttempt).percentileMillis(50), of(slowest, Tip::attempt).percentileMillis(50)));
		return text.toString();
	}

	/** The 1 % of tips, at least one, that took longest from receipt to delivery, slowest first. */
	List<Tip> slowest() {
		return tips.stream()
			.sorted(Comparator.comparing(Tip::toDelivered).reversed())
			.limit(Math.max(1, tips.size() / 100))
			.toList();
	}

	private static Latencies of(List<Tip> tips, Function<Tip, Duration> stage) {
		Latencies latencies = new Latencies();
		tips.forEach((tip) -> latencies.record(stage.apply(tip).toNanos() / 1000));
		return latencies;
	}

	private String row(String stage, Function<Tip, Duration> time) {
		Latencies latencies = of(tips, time);
		return String.format("| stage p50 / p95 / p99: %s | %.1f / %.1f / %.1f ms |%n", stage,
				latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99));
	}

	private static double millis(Duration duration) {
		return duration.toNanos() / 1e6;
	}
}
