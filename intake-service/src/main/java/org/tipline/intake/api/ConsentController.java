package org.tipline.intake.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.events.Consent;
import org.tipline.events.TipConsentUpdated;
import org.tipline.events.TipId;
import org.tipline.intake.publish.TipPublisher;
import org.tipline.intake.submission.SubmissionLedger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A victim's consent to law enforcement, given or refused later through the hotline. It releases or settles a tip
 * that dispatch holds for consent; like a tip, it is accepted only once Kafka holds it.
 */
@RestController
class ConsentController {

	private final SubmissionLedger ledger;

	private final TipPublisher publisher;

	private final Clock clock;

	ConsentController(SubmissionLedger ledger, TipPublisher publisher, Clock clock) {
		this.ledger = ledger;
		this.publisher = publisher;
		this.clock = clock;
	}

	record ConsentAnswer(String consent) {
	}

	record ConsentReceipt(String tipId, Consent consent, Instant updatedAt) {
	}

	@PostMapping(path = "/v1/tips/{tipId}/consent", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<ConsentReceipt>> answer(@PathVariable String tipId, @RequestBody ConsentAnswer answer) {
		TipId id = parse(tipId);
		Consent consent = parse(answer);
		return Mono.fromCallable(() -> ledger.knows(id))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((known) -> {
				if (!known) {
					return Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "no tip " + tipId));
				}
				TipConsentUpdated update = new TipConsentUpdated(id, consent, clock.instant());
				return publisher.publish(update)
					.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
						.body(new ConsentReceipt(tipId, consent, update.updatedAt())));
			});
	}

	private static TipId parse(String tipId) {
		try {
			return TipId.parse(tipId);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no tip " + tipId);
		}
	}

	private static Consent parse(ConsentAnswer answer) {
		if (answer == null || !("GRANTED".equals(answer.consent()) || "DECLINED".equals(answer.consent()))) {
			throw new InvalidTipException(List.of(new FieldProblem("consent", "must be GRANTED or DECLINED")));
		}
		return Consent.valueOf(answer.consent());
	}
}
