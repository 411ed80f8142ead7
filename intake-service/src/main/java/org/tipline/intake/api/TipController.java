package org.tipline.intake.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tipline.intake.IntakeProperties;
import reactor.core.publisher.Mono;

@RestController
class TipController {

	private final TipIntake intake;

	private final IntakeProperties properties;

	TipController(TipIntake intake, IntakeProperties properties) {
		this.intake = intake;
		this.properties = properties;
	}

	record TipReceipt(String tipId, Instant receivedAt) {
	}

	@PostMapping(path = "/v1/tips", consumes = MediaType.APPLICATION_JSON_VALUE,
			produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<TipReceipt>> submit(
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
			@RequestBody Mono<TipSubmission> body) {
		if (contentLength != null && contentLength > properties.maxBodySize().toBytes()) {
			return Mono.error(new TipTooLargeException(properties.maxBodySize()));
		}
		return body.switchIfEmpty(Mono.error(new InvalidTipException(List.of(new FieldProblem("", "a JSON body is required")))))
			.flatMap((tip) -> {
				List<FieldProblem> problems = TipSubmissionValidator.problemsOf(tip);
				return problems.isEmpty() ? intake.accept(tip) : Mono.error(new InvalidTipException(problems));
			})
			.map((accepted) -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new TipReceipt(accepted.tipId().toString(), accepted.receivedAt())));
	}
}
