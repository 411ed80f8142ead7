package org.tipline.dispatch.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes one signed POST of a delivery. A redirect is a failure and is never followed, so a tip cannot be steered
 * to an address configuration did not name; the reply is read only up to a few kilobytes, for a case number.
 */
class WebhookSender {

	static final int MAX_REPLY_BYTES = 16 * 1024;

	private final HttpClient http;

	private final Duration requestTimeout;

	private final JsonMapper json;

	private final Clock clock;

	WebhookSender(Duration connectTimeout, Duration requestTimeout, JsonMapper json, Clock clock) {
		this.http = HttpClient.newBuilder()
			.connectTimeout(connectTimeout)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		this.requestTimeout = requestTimeout;
		this.json = json;
		this.clock = clock;
	}

	/** {@code traceHeaders} (W3C traceparent) let the state's systems join the tip's trace. */
	AttemptResult send(URI url, String deliveryId, String body, List<String> secrets, Map<String, String> traceHeaders) {
		long timestamp = clock.instant().getEpochSecond();
		HttpRequest.Builder builder = HttpRequest.newBuilder(url)
			.timeout(requestTimeout)
			.header("Content-Type", "application/json")
			.header("webhook-id", deliveryId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSigner.signatures(deliveryId, timestamp, body, secrets));
		traceHeaders.forEach(builder::header);
		HttpRequest request = builder.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
		long started = System.nanoTime();
		try {
			HttpResponse<InputStream> response = http.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream())
				.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
			byte[] reply;
			try (InputStream in = response.body()) {
				reply = in.readNBytes(MAX_REPLY_BYTES);
			}
			long latency = elapsedMillis(started);
			int status = response.statusCode();
			Duration retryAfter = (status == 429 || status == 503)
					? retryAfter(response.headers().firstValue("Retry-After").orElse(null)) : null;
			String error = (status >= 300 && status < 400) ? "redirect not followed" : null;
			return new AttemptResult(status, latency, retryAfter, (status < 300) ? caseNumber(reply) : null, error);
		}
		catch (TimeoutException ex) {
			return new AttemptResult(null, elapsedMillis(started), null, null, "timed out");
		}
		catch (ExecutionException | IOException ex) {
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			return new AttemptResult(null, elapsedMillis(started), null, null, cause.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new AttemptResult(null, elapsedMillis(started), null, null, "interrupted");
		}
	}

	/** Seconds or an HTTP date, as RFC 9110 allows; anything else is ignored. */
	Duration retryAfter(String header) {
		if (header == null) {
			return null;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(clock.instant(), at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException unparseable) {
				return null;
			}
		}
	}

	/** A state may answer with its own case number: {@code {"caseNumber": "…"}}. */
	private String caseNumber(byte[] reply) {
		if (reply.length == 0 || reply.length >= MAX_REPLY_BYTES) {
			return null;
		}
		try {
			JsonNode node = json.readTree(reply).path("caseNumber");
			String value = node.isString() ? node.asString() : null;
			return (value != null && !value.isBlank() && value.length() <= 128) ? value : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static long elapsedMillis(long startedNanos) {
		return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
	}
}
