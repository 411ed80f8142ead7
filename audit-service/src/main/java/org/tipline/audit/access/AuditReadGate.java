package org.tipline.audit.access;

import java.time.Clock;
import java.util.Optional;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every request to {@code /v1/audit/**}: who presents which key, whether their role may read what they ask for
 * ({@link ReadPolicy}), and a row in the access log for each, allowed or refused. The row is appended just before
 * the answer is sent, when its status is known; a read that cannot be recorded is not answered (the reader gets
 * 500 instead). The page at {@code /}, its scripts and the actuator are not part of the audit API and pass
 * untouched.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AuditReadGate implements WebFilter {

	private static final PathPattern AUDIT_API = PathPatternParser.defaultInstance.parse("/v1/audit/**");

	private final KeyRing<Reader> readers;

	private final AccessLog accessLog;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final Clock clock;

	AuditReadGate(KeyRing<Reader> readers, AccessLog accessLog, JsonMapper json, MeterRegistry meters, Clock clock) {
		this.readers = readers;
		this.accessLog = accessLog;
		this.json = json;
		this.meters = meters;
		this.clock = clock;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		ServerHttpRequest request = exchange.getRequest();
		// matched as the handlers match, on decoded segments: /v1/%61udit/... reaches the same handler
		if (!AUDIT_API.matches(request.getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		Optional<String> key = ApiKeys.fromAuthorization(request.getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		Reader reader = key.flatMap(readers::holderOf).orElse(null);
		exchange.getResponse().beforeCommit(() -> record(request, reader, exchange.getResponse()));
		if (reader != null) {
			exchange.getAttributes().put(Reader.ATTRIBUTE, reader);
		}
		Optional<ReaderRole> needed = ReadPolicy.needed(request.getPath().pathWithinApplication(),
				request.getQueryParams());
		if (needed.isEmpty()) {
			return chain.filter(exchange);
		}
		if (reader == null) {
			exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
					"Bearer realm=\"tipline-audit\"" + (key.isPresent() ? ", error=\"invalid_token\"" : ""));
			return refuse(exchange, HttpStatus.UNAUTHORIZED, key.isPresent()
					? "The key presented is not the key of any reader of this audit log."
					: "The audit API needs a reader's key, sent as Authorization: Bearer tpl_…");
		}
		if (!reader.role().mayRead(needed.get())) {
			return refuse(exchange, HttpStatus.FORBIDDEN, "This request needs the role " + needed.get()
					+ "; reader " + reader.name() + " has the role " + reader.role() + ".");
		}
		return chain.filter(exchange);
	}

	record Problem(String type, String title, int status, String detail, String instance) {
	}

	/** An RFC 9457 problem that never repeats what was presented as a key. */
	private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		byte[] body = json.writeValueAsBytes(new Problem("about:blank", status.getReasonPhrase(), status.value(),
				detail, Access.storable(exchange.getRequest().getPath().pathWithinApplication().value())));
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}

	private Mono<Void> record(ServerHttpRequest request, Reader reader, ServerHttpResponse response) {
		HttpStatusCode status = response.getStatusCode();
		Access access = Access.of(clock.instant(), reader, request.getMethod().name(),
				request.getPath().pathWithinApplication().value(), request.getQueryParams(),
				(status == null) ? HttpStatus.OK.value() : status.value());
		return Mono.<Void>fromRunnable(() -> {
			accessLog.append(access);
			Counter.builder("tipline.audit.reads")
				.description("requests to the audit API, by the reader's role and whether they were let through")
				.tags("role", (reader == null) ? "none" : reader.role().name(), "outcome", outcomeOf(access.status()))
				.register(meters)
				.increment();
		}).subscribeOn(Schedulers.boundedElastic());
	}

	private static String outcomeOf(int status) {
		return switch (status) {
			case 401 -> "unauthenticated";
			case 403 -> "forbidden";
			default -> "allowed";
		};
	}
}
