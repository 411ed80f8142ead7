package org.tipline.dispatch.operations;

import java.util.Optional;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request to the operator API ({@code /v1/dispatch/**}) through only with an operator's key
 * ({@code Authorization: Bearer tpl_…}), and tells the handler who that operator is. Anything else, the actuator
 * included, passes untouched. The path is matched as the handlers' mappings match it, so an encoded or decorated
 * path that reaches an operator handler is gated too.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OperatorGate implements WebFilter {

	private static final PathPattern API = PathPatternParser.defaultInstance.parse("/v1/dispatch/**");

	private final KeyRing<Operator> operators;

	private final JsonMapper json;

	OperatorGate(KeyRing<Operator> operators, JsonMapper json) {
		this.operators = operators;
		this.json = json;
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!API.matches(exchange.getRequest().getPath().pathWithinApplication())) {
			return chain.filter(exchange);
		}
		Optional<String> key = ApiKeys
			.fromAuthorization(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
		Optional<Operator> operator = key.flatMap(operators::holderOf);
		if (operator.isPresent()) {
			exchange.getAttributes().put(Operator.ATTRIBUTE, operator.get());
			return chain.filter(exchange);
		}
		return refuse(exchange, key.isPresent());
	}

	record Problem(String type, String title, int status, String detail, String instance) {
	}

	/** 401 as RFC 6750 and RFC 9457 describe it, never repeating what was presented as a key. */
	private Mono<Void> refuse(ServerWebExchange exchange, boolean keyPresented) {
		ServerHttpResponse response = exchange.getResponse();
		response.setStatusCode(HttpStatus.UNAUTHORIZED);
		response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE,
				"Bearer realm=\"tipline-dispatch\"" + (keyPresented ? ", error=\"invalid_token\"" : ""));
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		String detail = keyPresented ? "The key presented is not the key of any operator of dispatch."
				: "The operator API needs an operator's key, sent as Authorization: Bearer tpl_…";
		byte[] body = json.writeValueAsBytes(new Problem("about:blank", HttpStatus.UNAUTHORIZED.getReasonPhrase(), 401,
				detail, exchange.getRequest().getPath().pathWithinApplication().value()));
		return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
	}
}
