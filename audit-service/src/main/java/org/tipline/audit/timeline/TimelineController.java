package org.tipline.audit.timeline;

import java.util.List;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.audit.ledger.AuditLedger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class TimelineController {

	private final AuditLedger ledger;

	TimelineController(AuditLedger ledger) {
		this.ledger = ledger;
	}

	record Timeline(String tipId, List<AuditLedger.RecordedEntry> entries) {
	}

	@GetMapping("/v1/audit/tips/{tipId}")
	Mono<ResponseEntity<Timeline>> timeline(@PathVariable String tipId) {
		UUID id = parse(tipId);
		return Mono.fromCallable(() -> ledger.timelineOf(id))
			.subscribeOn(Schedulers.boundedElastic())
			.map((entries) -> entries.isEmpty() ? ResponseEntity.notFound().<Timeline>build()
					: ResponseEntity.ok(new Timeline(tipId, entries)));
	}

	private static UUID parse(String tipId) {
		try {
			return UUID.fromString(tipId);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "tipId must be a UUID");
		}
	}
}
