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
import tools.jackson.databind.DatabindException;

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
		FieldProblem problem = causeOf(ex, DatabindException.class).filter((bind) -> !bind.getPath().isEmpty())
			.map((bind) -> new FieldProblem(pathOf(bind), "has the wrong type"))
			.orElse(new FieldProblem("", "the body is not valid JSON"));
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

	private static String pathOf(DatabindException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.toString();
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
