package org.tipline.audit.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What the built-in dashboard ({@code static/index.html}) needs beyond the oversight answers: latency per state
 * over time. The rest of the page reads {@code /v1/audit/oversight/*}.
 */
@RestController
class DashboardController {

	private static final Duration DEFAULT_WINDOW = Duration.ofHours(24);

	private static final Duration DEFAULT_BUCKET = Duration.ofHours(1);

	private final DashboardQueries queries;

	private final Clock clock;

	DashboardController(DashboardQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	/**
	 * Intake-to-delivery p50/p95/p99 per state, per {@code bucket} (ISO-8601 duration, default PT1H) of
	 * [from, to) (default the last 24 hours), tips counted in the interval of their first delivery.
	 */
	@GetMapping("/v1/audit/dashboard/latency")
	Mono<LatencyBuckets.LatencyOverTime> latency(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String bucket) {
		Instant end = (to == null) ? clock.instant() : Instant.parse(to);
		Instant start = (from == null) ? end.minus(DEFAULT_WINDOW) : Instant.parse(from);
		LatencyBuckets.Window window = new LatencyBuckets.Window(start, end,
				(bucket == null) ? DEFAULT_BUCKET : Duration.parse(bucket));
		return Mono
			.fromCallable(() -> LatencyBuckets.of(window, queries.deliveredBetween(window.from(), window.to())))
			.subscribeOn(Schedulers.boundedElastic());
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeParseException.class })
	ResponseEntity<Map<String, String>> badRequest(RuntimeException ex) {
		return ResponseEntity.badRequest().body(Map.of("detail", ex.getMessage()));
	}
}
