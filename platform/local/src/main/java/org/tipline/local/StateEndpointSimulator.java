package org.tipline.local;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for every state's endpoint during a benchmark: acknowledges each delivery (optionally slowly, or
 * failing a share with 503) and timestamps it, measuring intake-to-delivered latency and whether the tip arrived
 * within its deadline. Repeats of one webhook-id are counted once, as a state would.
 */
final class StateEndpointSimulator implements AutoCloseable {

	private final HttpServer server;

	private final Duration delay;

	private final double failureShare;

	private final Set<String> seen = ConcurrentHashMap.newKeySet();

	private final AtomicLong withinDeadline = new AtomicLong();

	private final AtomicLong duplicates = new AtomicLong();

	private volatile Latencies latencies = new Latencies();

	StateEndpointSimulator(Duration delay, double failureShare) throws IOException {
		this.delay = delay;
		this.failureShare = failureShare;
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.start();
	}

	String baseUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/states/";
	}

	/** Starts a new measurement window: what was delivered before (warm-up) no longer counts. */
	void reset() {
		latencies = new Latencies();
		withinDeadline.set(0);
		duplicates.set(0);
	}

	Latencies latencies() {
		return latencies;
	}

	long delivered() {
		return latencies.count();
	}

	long withinDeadline() {
		return withinDeadline.get();
	}

	long duplicates() {
		return duplicates.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		Instant arrived = Instant.now();
		String body;
		try (InputStream in = exchange.getRequestBody()) {
			body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		if (!delay.isZero()) {
			try {
				Thread.sleep(delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		if (failureShare > 0 && ThreadLocalRandom.current().nextDouble() < failureShare) {
			exchange.sendResponseHeaders(503, -1);
			exchange.close();
			return;
		}
		String webhookId = exchange.getRequestHeaders().getFirst("webhook-id");
		if (webhookId != null && seen.add(webhookId)) {
			Instant receivedAt = Instant.parse(field(body, "receivedAt"));
			Instant deadline = Instant.parse(field(body, "deadline"));
			latencies.record(Duration.between(receivedAt, arrived).toNanos() / 1000);
			if (!arrived.isAfter(deadline)) {
				withinDeadline.incrementAndGet();
			}
		}
		else {
			duplicates.incrementAndGet();
		}
		exchange.sendResponseHeaders(202, -1);
		exchange.close();
	}

	/** The first top-level-looking string field of that name; enough for the delivery body's timestamps. */
	private static String field(String json, String name) {
		String key = "\"" + name + "\":\"";
		int start = json.indexOf(key) + key.length();
		return json.substring(start, json.indexOf('"', start));
	}

	@Override
	public void close() {
		server.stop(0);
	}
}
