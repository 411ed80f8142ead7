package org.tipline.local;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many tips dispatch has decided so far, by decision, summed over its instances, from each instance's
 * {@code tipline_dispatch_decisions_total}. A decision is the last step every tip takes, forwarded or not: the
 * state endpoint sees only the forwarded ones, so deliveries alone understate what the pipeline got through.
 */
record DispatchDecisions(Map<String, Long> byDecision) {

	private static final Pattern SAMPLE = Pattern.compile("^tipline_dispatch_decisions_total\\{(.*)\\}\\s+(\\S+)$");

	private static final Pattern DECISION = Pattern.compile("decision=\"([A-Z_]+)\"");

	/** The decisions counted in each instance's Prometheus text, summed over the instances and the reasons. */
	static DispatchDecisions fromExpositions(List<String> expositions) {
		Map<String, Long> byDecision = new TreeMap<>();
		expositions.forEach((exposition) -> exposition.lines()
			.map(SAMPLE::matcher)
			.filter(Matcher::matches)
			.forEach((sample) -> {
				Matcher decision = DECISION.matcher(sample.group(1));
				if (decision.find()) {
					byDecision.merge(decision.group(1), (long) Double.parseDouble(sample.group(2)), Long::sum);
				}
			}));
		return new DispatchDecisions(byDecision);
	}

	/** The decisions made after {@code earlier}. */
	DispatchDecisions since(DispatchDecisions earlier) {
		Map<String, Long> made = new TreeMap<>();
		byDecision.forEach((decision, count) -> made.put(decision, count - earlier.byDecision.getOrDefault(decision, 0L)));
		return new DispatchDecisions(made);
	}

	long total() {
		return byDecision.values().stream().mapToLong(Long::longValue).sum();
	}

	/** "5575 FORWARD, 12 FORWARD_REDACTED, 414 WITHHOLD", the kinds in name order. */
	String breakdown() {
		StringBuilder text = new StringBuilder();
		byDecision.forEach((decision, count) -> text.append(text.isEmpty() ? "" : ", ")
			.append(count)
			.append(' ')
			.append(decision));
		return text.toString();
	}
}
