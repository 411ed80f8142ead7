package org.tipline.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * An {@code Accept} header with no value is read as no header at all. Boot 4.0's Prometheus endpoint otherwise
 * fails on it with a NullPointerException and answers 500 (found by intake's {@code TipEndpointFuzzIT}).
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class BlankAcceptHeader implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String accept = exchange.getRequest().getHeaders().getFirst(HttpHeaders.ACCEPT);
		if (accept == null || !accept.isBlank()) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange.mutate()
			.request((request) -> request.headers((headers) -> headers.remove(HttpHeaders.ACCEPT)))
			.build());
	}
}
