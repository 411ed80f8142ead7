package org.tipline.intake.api;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tipline.events.Consent;
import org.tipline.events.TipConsentUpdated;
import org.tipline.intake.adapter.Adapter;
import org.tipline.intake.publish.TipPublisher;
import org.tipline.intake.submission.SubmissionLedger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A victim's consent to law enforcement, given or refused later through the hotline. It releases or settles a tip
 * that dispatch holds for consent; like a tip, it is accepted only once Kafka holds it. Only the adapter that
 * submitted the tip can answer for it.
 */
@RestController
class ConsentController {

	private final OwnTips tips;

	private final SubmissionLedger ledger;

	private final TipPublisher publisher;

	private final Clock clock;

	ConsentController(OwnTips tips, SubmissionLedger ledger, TipPublisher publisher, Clock clock) {
		this.tips = tips;
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
	Mono<ResponseEntity<ConsentReceipt>> answer(@RequestAttribute(Adapter.ATTRIBUTE) Adapter adapter,
			@PathVariable String tipId,
			@RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding,
			@RequestBody(required = false) Mono<byte[]> body) {
		return UncompressedBodies.of(contentEncoding, body)
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> consentOf(StrictJsonReader.read(bytes, ConsentAnswer.class)))
			.flatMap((consent) -> tips.find(adapter, tipId).flatMap((tip) -> {
				TipConsentUpdated update = new TipConsentUpdated(tip.tipId(), consent, clock.instant());
				return publisher.publish(update)
					.then(Mono.fromRunnable(() -> ledger.recordConsent(tip.tipId(), consent, update.updatedAt()))
						.subscribeOn(Schedulers.boundedElastic()))
					.thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
						.body(new ConsentReceipt(tip.tipId().toString(), consent, update.updatedAt())));
			}));
	}

	private static Consent consentOf(ConsentAnswer answer) {
		if (!("GRANTED".equals(answer.consent()) || "DECLINED".equals(answer.consent()))) {
			throw new InvalidTipException(List.of(new FieldProblem("consent", "must be GRANTED or DECLINED")));
		}
		return Consent.valueOf(answer.consent());
	}
}
