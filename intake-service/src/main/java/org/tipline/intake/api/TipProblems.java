package org.tipline.intake.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.tipline.intake.IntakeProperties;
import org.tipline.intake.publish.PublishFailedException;
import reactor.core.publisher.Mono;

/**
 * Turns every failure into an RFC 9457 problem. Messages name fields and limits but never echo submitted
 * values: those may be a victim's personal data.
 */
@RestControllerAdvice
class TipProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(TipProblems.class);

	private final IntakeProperties properties;

	TipProblems(IntakeProperties properties) {
		this.properties = properties;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> invalidTip(InvalidTipException ex) {
		return badRequest(ex.problems());
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> unknownTip(UnknownTipException ex) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No tip with this id."));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> tooLarge(TipTooLargeException ex) {
		return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
			.body(ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, ex.getMessage()));
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> bufferLimit(DataBufferLimitException ex) {
		return tooLarge(new TipTooLargeException(properties.maxBodySize()));
	}

	@ExceptionHandler({ PublishFailedException.class, DataAccessException.class })
	ResponseEntity<ProblemDetail> unavailable(RuntimeException ex) {
		log.warn("Tip not accepted, storage unavailable: {}", ex.getMessage());
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The tip could not be stored durably and was not accepted; retry after the indicated delay.");
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(properties.retryAfter().toSeconds()))
			.body(problem);
	}

	@Override
	protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
			HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
		if (causeOf(ex, DataBufferLimitException.class).isPresent()) {
			return Mono.just(ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
				.body(tooLarge(new TipTooLargeException(properties.maxBodySize())).getBody()));
		}
		// the body itself is read by StrictJsonReader; what is left is a header or a path that cannot be read
		FieldProblem problem = new FieldProblem("", "the request is malformed");
		return Mono.just(ResponseEntity.badRequest().body(badRequest(List.of(problem)).getBody()));
	}

	private static ResponseEntity<ProblemDetail> badRequest(List<FieldProblem> problems) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				problems.stream().map((p) -> p.field().isEmpty() ? p.message() : p.field() + " " + p.message())
					.collect(Collectors.joining("; ")));
		problem.setTitle("Invalid tip");
		problem.setProperty("errors", new ArrayList<>(problems));
		return ResponseEntity.badRequest().body(problem);
	}

	private static <T extends Throwable> Optional<T> causeOf(Throwable ex, Class<T> type) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return Optional.of(type.cast(cause));
			}
		}
		return Optional.empty();
	}
}
