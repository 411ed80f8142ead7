package org.tipline.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What each dispatch instance's {@code /actuator/prometheus} said at one moment: how the benchmark reads dispatch. */
record DispatchScrape(List<String> expositions) {

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private static final Pattern UNDELIVERED = Pattern.compile("^tipline_dispatch_undelivered_tips(\\{.*\\})?\\s+(\\S+)$");

	static DispatchScrape of(List<Integer> dispatchPorts) throws IOException, InterruptedException {
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
		return new DispatchScrape(expositions);
	}

	DispatchDecisions decisions() {
		return DispatchDecisions.fromExpositions(expositions);
	}

	/**
	 * Deliveries decided and not yet made. Every instance counts the same shared queue, so this is the largest
	 * count any instance gave, not their sum; 0 when no instance reported it.
	 */
	long undelivered() {
		return expositions.stream()
			.flatMap(String::lines)
			.map(UNDELIVERED::matcher)
			.filter(Matcher::matches)
			.mapToLong((sample) -> (long) Double.parseDouble(sample.group(2)))
			.max()
			.orElse(0);
	}
}
