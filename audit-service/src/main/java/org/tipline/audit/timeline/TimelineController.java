package org.tipline.audit.timeline;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.audit.access.Reader;
import org.tipline.audit.access.ReaderRole;
import org.tipline.audit.checkpoint.InclusionProofs;
import org.tipline.audit.ledger.AuditLedger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class TimelineController {

	private final AuditLedger ledger;

	private final InclusionProofs proofs;

	TimelineController(AuditLedger ledger, InclusionProofs proofs) {
		this.ledger = ledger;
		this.proofs = proofs;
	}

	record Timeline(String tipId, List<TimelineEntry> entries) {
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record TimelineEntry(@JsonUnwrapped AuditLedger.RecordedEntry entry, InclusionProofs.InclusionProof inclusion) {
	}

	/**
	 * The tip's entries in the order its hops happened, as the reader's role may see them ({@link AnalystView});
	 * with {@code ?proof=true} (oversight only) each carries its inclusion proof in one signed checkpoint, so the
	 * timeline can be checked against the published log.
	 */
	@GetMapping("/v1/audit/tips/{tipId}")
	Mono<ResponseEntity<?>> timeline(@PathVariable String tipId, @RequestParam(defaultValue = "false") boolean proof,
			@RequestAttribute(Reader.ATTRIBUTE) Reader reader) {
		UUID id = parse(tipId);
		return Mono.fromCallable(() -> {
			List<AuditLedger.RecordedEntry> entries = ledger.timelineOf(id);
			if (entries.isEmpty()) {
				return ResponseEntity.notFound().build();
			}
			if (!proof) {
				return ResponseEntity.ok(new Timeline(tipId, entries.stream()
					.map((entry) -> (reader.role() == ReaderRole.OVERSIGHT) ? entry : AnalystView.of(entry))
					.map((entry) -> new TimelineEntry(entry, null))
					.toList()));
			}
			long lastSeq = entries.stream().mapToLong(AuditLedger.RecordedEntry::seq).max().orElseThrow();
			long treeSize = proofs.of(lastSeq, null).checkpoint().treeSize();
			return ResponseEntity.ok(new Timeline(tipId, entries.stream()
				.map((entry) -> new TimelineEntry(entry, proofs.of(entry.seq(), treeSize)))
				.toList()));
		}).subscribeOn(Schedulers.boundedElastic());
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
