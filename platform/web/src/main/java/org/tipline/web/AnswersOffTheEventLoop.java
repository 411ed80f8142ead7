package org.tipline.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Handles every request off the Netty event loop. Reactor Netty 1.3 holds back a keep-alive request that arrives
 * before the previous answer's bookkeeping is done, and hands it on later from the event loop; when that request
 * is answered within the hand-over (a 401 or 429 from a key check, written at once), the connection stops reading,
 * and the client's next request on it is never answered (reactor/reactor-netty#4361, pull request 4347). Answers
 * that wait for a database or Kafka come from other threads anyway; this makes the immediate ones do the same, so
 * every answer is written by a later event-loop task. Intake's {@code KeepAliveIT} fails without it. It must come
 * before any filter that can answer: the services' key checks are ordered after it.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnswersOffTheEventLoop implements WebFilter {

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		return chain.filter(exchange).subscribeOn(Schedulers.parallel());
	}
}
