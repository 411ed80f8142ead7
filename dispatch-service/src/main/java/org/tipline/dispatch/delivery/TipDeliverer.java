package org.tipline.dispatch.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tipline.dispatch.endpoint.StateEndpoints;
import org.tipline.events.DeliveryOutcome;
import org.tipline.events.TipDecided;
import org.tipline.events.TipDeliveryAttempted;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs a forwarded tip to its endpoint until the endpoint acknowledges it with a 2xx, with exponential
 * back-off and jitter between attempts. Every attempt is reported, successful or not; a redirect is a failure
 * and is never followed, so a tip cannot be steered to an address that configuration did not name.
 */
public class TipDeliverer {

	private static final Logger log = LoggerFactory.getLogger(TipDeliverer.class);

	private final StateEndpoints endpoints;

	private final DeliveryProperties properties;

	private final JsonMapper json;

	private final Consumer<TipDeliveryAttempted> attempts;

	private final Clock clock;

	private final HttpClient http;

	public TipDeliverer(StateEndpoints endpoints, DeliveryProperties properties, JsonMapper json,
			Consumer<TipDeliveryAttempted> attempts, Clock clock) {
		this.endpoints = endpoints;
		this.properties = properties;
		this.json = json;
		this.attempts = attempts;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.connectTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	/** The same id for every attempt of one tip to one endpoint, so the receiver can drop repeats. */
	static String deliveryIdOf(TipDecided decided) {
		return "dlv_" + decided.tipId().value().toString().replace("-", "") + "_" + decided.endpoint();
	}

	public void deliver(TipDecided decided) {
		String deliveryId = deliveryIdOf(decided);
		URI url = endpoints.urlOf(decided.endpoint());
		HttpRequest request = HttpRequest.newBuilder(url)
			.timeout(properties.requestTimeout())
			.header("Content-Type", "application/json")
			.header("webhook-id", deliveryId)
			.POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(StateDelivery.of(deliveryId, decided))))
			.build();
		for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
			if (attempt(decided, deliveryId, request, attempt)) {
				return;
			}
			if (attempt < properties.maxAttempts()) {
				pause(backoffBefore(attempt + 1));
			}
		}
		throw new DeliveryFailedException(decided.tipId(), decided.endpoint(), properties.maxAttempts());
	}

	private boolean attempt(TipDecided decided, String deliveryId, HttpRequest request, int attempt) {
		Instant attemptedAt = clock.instant();
		long started = System.nanoTime();
		Integer status = null;
		String error = null;
		try {
			status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			error = ex.getClass().getSimpleName();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("delivery interrupted", ex);
		}
		long latencyMillis = Duration.ofNanos(System.nanoTime() - started).toMillis();
		boolean delivered = status != null && status >= 200 && status < 300;
		if (!delivered) {
			log.warn("Delivery {} attempt {} to {} failed: status={} error={}", deliveryId, attempt,
					decided.endpoint(), status, error);
		}
		attempts.accept(new TipDeliveryAttempted(decided.tipId(), deliveryId, attempt, attemptedAt,
				decided.endpoint(), delivered ? DeliveryOutcome.DELIVERED : DeliveryOutcome.FAILED, status,
				latencyMillis, (error != null) ? error : (delivered ? null : "HTTP " + status), null));
		return delivered;
	}

	Duration backoffBefore(int attempt) {
		long exponential = properties.initialBackoff().toMillis() << Math.min(attempt - 2, 20);
		long capped = Math.min(exponential, properties.maxBackoff().toMillis());
		return Duration.ofMillis(capped / 2 + ThreadLocalRandom.current().nextLong(capped / 2 + 1));
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("delivery interrupted", ex);
		}
	}
}
