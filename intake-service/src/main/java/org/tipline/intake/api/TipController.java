package org.tipline.intake.api;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.tipline.intake.IntakeProperties;
import org.tipline.intake.adapter.Adapter;
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
	Mono<ResponseEntity<TipReceipt>> submit(@RequestAttribute(Adapter.ATTRIBUTE) Adapter adapter,
			@RequestHeader(name = HttpHeaders.CONTENT_LENGTH, required = false) Long contentLength,
			@RequestHeader(name = HttpHeaders.CONTENT_ENCODING, required = false) String contentEncoding,
			@RequestBody(required = false) Mono<byte[]> body) {
		if (contentLength != null && contentLength > properties.maxBodySize().toBytes()) {
			return Mono.error(new TipTooLargeException(properties.maxBodySize()));
		}
		return UncompressedBodies.of(contentEncoding, body)
			.defaultIfEmpty(new byte[0])
			.map((bytes) -> StrictJsonReader.read(bytes, TipSubmission.class))
			.flatMap((tip) -> {
				List<FieldProblem> problems = TipSubmissionValidator.problemsOf(tip);
				return problems.isEmpty() ? intake.accept(adapter, tip) : Mono.error(new InvalidTipException(problems));
			})
			.map((accepted) -> ResponseEntity.status(HttpStatus.ACCEPTED)
				.body(new TipReceipt(accepted.tipId().toString(), accepted.receivedAt())));
	}
}
