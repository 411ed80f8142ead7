package org.tipline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
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

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Pattern SAMPLE = Pattern.compile("^tipline_dispatch_decisions_total\\{(.*)\\}\\s+(\\S+)$");

	private static final Pattern DECISION = Pattern.compile("decision=\"([A-Z_]+)\"");

	static DispatchDecisions of(List<Integer> dispatchPorts) throws IOException, InterruptedException {
		List<String> expositions = new ArrayList<>();
		for (int port : dispatchPorts) {
			HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
				.header("Accept", "text/plain;version=0.0.4")
				.timeout(Duration.ofSeconds(10))
				.build();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IOException("dispatch on port " + port + " answered " + response.statusCode()
						+ " to /actuator/prometheus");
			}
			expositions.add(response.body());
		}
		return fromExpositions(expositions);
	}

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
