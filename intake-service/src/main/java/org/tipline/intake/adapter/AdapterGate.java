package org.tipline.intake.adapter;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.codec.HttpMessageWriter;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.reactive.result.view.ViewResolver;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Lets a request through only from a channel adapter that presents its API key and is within its request rate;
 * the actuator endpoints (health, Prometheus) stay open. Runs before the request body is read, so a caller without
 * a key or over its rate costs intake no parsing. Nothing here logs or answers with the presented key.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class AdapterGate implements WebFilter {

	private final Adapters adapters;

	private final String actuatorPath;

	private final ServerResponse.Context responseContext;

	private final MeterRegistry meters;

	AdapterGate(Adapters adapters, WebEndpointProperties actuator, ServerCodecConfigurer codecs,
			MeterRegistry meters) {
		this.adapters = adapters;
		this.actuatorPath = actuator.getBasePath();
		this.responseContext = new ServerResponse.Context() {

			@Override
			public List<HttpMessageWriter<?>> messageWriters() {
				return codecs.getWriters();
			}

			@Override
			public List<ViewResolver> viewResolvers() {
				return List.of();
			}
		};
		this.meters = meters;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (isActuator(exchange.getRequest().getPath().pathWithinApplication().value())) {
			return chain.filter(exchange);
		}
		Optional<Adapter> adapter = adapters
			.authenticate(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		if (adapter.isEmpty()) {
			meters.counter("tipline.intake.requests.unauthenticated").increment();
			return refuse(exchange, HttpStatus.UNAUTHORIZED,
					"A channel adapter's API key is required: Authorization: Bearer <key>.",
					(headers) -> headers.set(HttpHeaders.WWW_AUTHENTICATE, "Bearer"));
		}
		Duration wait = adapters.admit(adapter.get());
		if (!wait.isZero()) {
			meters.counter("tipline.intake.requests.limited", "adapter", adapter.get().name()).increment();
			return refuse(exchange, HttpStatus.TOO_MANY_REQUESTS,
					"This adapter is over its request rate; retry after the indicated delay.",
					(headers) -> headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(wholeSeconds(wait))));
		}
		exchange.getAttributes().put(Adapter.ATTRIBUTE, adapter.get());
		return chain.filter(exchange);
	}

	private boolean isActuator(String path) {
		return path.equals(actuatorPath) || path.startsWith(actuatorPath + "/");
	}

	private Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String detail,
			Consumer<HttpHeaders> headers) {
		return ServerResponse.status(status)
			.headers(headers)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyValue(ProblemDetail.forStatusAndDetail(status, detail))
			.flatMap((response) -> response.writeTo(exchange, responseContext));
	}

	/** Retry-After takes whole seconds; rounding down would invite a retry that is refused again. */
	private static long wholeSeconds(Duration wait) {
		return Math.max(1, wait.toSeconds() + ((wait.toNanosPart() > 0) ? 1 : 0));
	}
}
