package org.tipline.audit.oversight;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tipline.audit.access.Reader;
import org.tipline.audit.access.ReaderRole;
import org.tipline.events.StateCode;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What an oversight body asks. Periods are [from, to) in ISO-8601 instants, by default the last 30 days; a tip
 * belongs to the period it entered the pipeline in. {@code ?format=csv} gives a table for a spreadsheet.
 */
@RestController
@RequestMapping("/v1/audit/oversight")
@EnableConfigurationProperties(OversightProperties.class)
class OversightController {

	private static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

	private static final Duration DEFAULT_PERIOD = Duration.ofDays(30);

	private final OversightQueries queries;

	private final OversightProperties properties;

	private final Clock clock;

	OversightController(OversightQueries queries, OversightProperties properties, Clock clock) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
	}

	record Period(Instant from, Instant to) {
	}

	record LatencyAnswer(Period period, List<OversightReports.Latency> rows) {
	}

	@GetMapping("/latency")
	Mono<ResponseEntity<?>> latency(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format) {
		return answer(() -> {
			Period period = period(from, to);
			List<OversightReports.Latency> rows = OversightReports
				.latency(queries.enteredBetween(period.from(), period.to()), clock.instant());
			return csvOr(format, OversightReports.Latency.class, rows, new LatencyAnswer(period, rows));
		});
	}

	record WithholdingAnswer(Period period, List<OversightReports.Withholding> rows) {
	}

	@GetMapping("/withheld")
	Mono<ResponseEntity<?>> withheld(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format) {
		return answer(() -> {
			Period period = period(from, to);
			List<OversightReports.Withholding> rows = OversightReports
				.withholdings(queries.enteredBetween(period.from(), period.to()));
			return csvOr(format, OversightReports.Withholding.class, rows, new WithholdingAnswer(period, rows));
		});
	}

	record PendingAnswer(Instant at, List<OversightReports.Pending> tips) {
	}

	/** Tips still held for consent or not delivered (dead-lettered ones included), oldest first. */
	@GetMapping("/pending")
	Mono<ResponseEntity<?>> pending(@RequestParam(required = false) String format) {
		return answer(() -> {
			List<OversightReports.Pending> tips = OversightReports.pending(queries.notDeliveredNorWithheld());
			return csvOr(format, OversightReports.Pending.class, tips, new PendingAnswer(clock.instant(), tips));
		});
	}

	record BreachAnswer(Period period, List<OversightReports.StateBreaches> states) {
	}

	/** Deadline breaches recorded in the period, per state, with the tips; the CSV has one line per tip. */
	@GetMapping("/breaches")
	Mono<ResponseEntity<?>> breaches(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String format) {
		return answer(() -> {
			Period period = period(from, to);
			List<OversightReports.StateBreaches> states = OversightReports
				.breaches(queries.breachedBetween(period.from(), period.to()), period.from(), period.to());
			List<BreachLine> lines = states.stream()
				.flatMap((state) -> state.tips().stream()
					.map((tip) -> new BreachLine(state.state(), tip.tipId(), tip.priority(), tip.deadline(),
							tip.breachedAt(), tip.deliveredAt())))
				.toList();
			return csvOr(format, BreachLine.class, lines, new BreachAnswer(period, states));
		});
	}

	record BreachLine(String state, String tipId, String priority, Instant deadline, Instant breachedAt,
			Instant deliveredAt) {
	}

	record CompletenessAnswer(Instant at, Duration gracePeriod, List<OversightReports.Incomplete> flagged) {
	}

	/** Tips with no terminal hop (delivered, withheld, dead-lettered) once the grace period has passed. */
	@GetMapping("/completeness")
	Mono<ResponseEntity<?>> completeness(@RequestParam(required = false) String format) {
		return answer(() -> {
			Instant now = clock.instant();
			List<OversightReports.Incomplete> flagged = OversightReports.incomplete(queries.notDeliveredNorWithheld(),
					properties.gracePeriod(), now);
			return csvOr(format, OversightReports.Incomplete.class, flagged,
					new CompletenessAnswer(now, properties.gracePeriod(), flagged));
		});
	}

	/**
	 * A state's transparency report for a month (UTC), as JSON or with {@code ?format=html} a printable page; an
	 * analyst's has how many tips were withheld but not why.
	 */
	@GetMapping("/reports/{state}/{month}")
	Mono<ResponseEntity<?>> transparency(@PathVariable String state, @PathVariable String month,
			@RequestParam(required = false) String format, @RequestAttribute(Reader.ATTRIBUTE) Reader reader) {
		return answer(() -> {
			String code = state.equals(TipHistory.NO_STATE) ? state : StateCode.of(state).value();
			YearMonth yearMonth = YearMonth.parse(month);
			Instant from = yearMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
			OversightReports.Transparency full = OversightReports.transparency(code, yearMonth,
					queries.enteredBetween(from, to), clock.instant());
			OversightReports.Transparency report = (reader.role() == ReaderRole.OVERSIGHT) ? full
					: full.withoutReasons();
			if ("html".equals(format)) {
				return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(TransparencyPage.of(report));
			}
			return ResponseEntity.ok(report);
		});
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeParseException.class })
	ResponseEntity<Map<String, String>> badRequest(RuntimeException ex) {
		return ResponseEntity.badRequest().body(Map.of("detail", ex.getMessage()));
	}

	private Period period(String from, String to) {
		Instant end = (to == null) ? clock.instant() : Instant.parse(to);
		Instant start = (from == null) ? end.minus(DEFAULT_PERIOD) : Instant.parse(from);
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("from must be before to");
		}
		return new Period(start, end);
	}

	private static <R extends Record> ResponseEntity<?> csvOr(String format, Class<R> type, List<R> rows,
			Object json) {
		if ("csv".equals(format)) {
			return ResponseEntity.ok().contentType(CSV).body(Csv.of(type, rows));
		}
		return ResponseEntity.ok(json);
	}

	private static Mono<ResponseEntity<?>> answer(Callable<ResponseEntity<?>> query) {
		return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
	}
}
