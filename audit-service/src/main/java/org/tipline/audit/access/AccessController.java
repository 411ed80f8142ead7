package org.tipline.audit.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class AccessController {

	private static final Duration DEFAULT_PERIOD = Duration.ofHours(24);

	private static final int PAGE = 1000;

	private final AccessLog accessLog;

	private final Clock clock;

	AccessController(AccessLog accessLog, Clock clock) {
		this.accessLog = accessLog;
		this.clock = clock;
	}

	/** Whose key this is and what it may read: the dashboard asks once, to show only the panels the role sees. */
	@GetMapping("/v1/audit/reader")
	Reader reader(@RequestAttribute(Reader.ATTRIBUTE) Reader reader) {
		return reader;
	}

	record Period(Instant from, Instant to) {
	}

	record Read(long seq, Instant at, String reader, ReaderRole role, String method, String path,
			Map<String, List<String>> query, int status, String hash) {
	}

	/**
	 * {@code previousHash} is the hash the first read follows; {@code next}, when there are more reads in the
	 * period than one answer holds, is the {@code after} to ask with for the rest.
	 */
	record AccessAnswer(Period period, String previousHash, List<Read> reads, Long next) {
	}

	/**
	 * The reads of the audit API made in [from, to) (ISO-8601 instants, by default the last 24 hours), allowed or
	 * refused, in the order they were recorded, at most {@value #PAGE} after row {@code after}.
	 */
	@GetMapping("/v1/audit/access")
	Mono<AccessAnswer> access(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(defaultValue = "-1") long after) {
		Instant end = (to == null) ? clock.instant() : Instant.parse(to);
		Instant start = (from == null) ? end.minus(DEFAULT_PERIOD) : Instant.parse(from);
		if (!start.isBefore(end)) {
			throw new IllegalArgumentException("from must be before to");
		}
		return Mono.fromCallable(() -> {
			List<AccessChain.Link> links = accessLog.between(start, end, after, PAGE + 1);
			List<AccessChain.Link> page = links.subList(0, Math.min(PAGE, links.size()));
			String previousHash = page.isEmpty() ? null
					: HexFormat.of().formatHex(accessLog.hashBefore(page.get(0).seq()));
			List<Read> reads = page.stream()
				.map((link) -> new Read(link.seq(), link.access().at(), link.access().reader(), link.access().role(),
						link.access().method(), link.access().path(), link.access().query(), link.access().status(),
						HexFormat.of().formatHex(link.hash())))
				.toList();
			Long next = (links.size() > PAGE) ? page.get(PAGE - 1).seq() : null;
			return new AccessAnswer(new Period(start, end), previousHash, reads, next);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	@ExceptionHandler({ IllegalArgumentException.class, DateTimeParseException.class })
	ResponseEntity<Map<String, String>> badRequest(RuntimeException ex) {
		return ResponseEntity.badRequest().body(Map.of("detail", ex.getMessage()));
	}
}
