package org.tipline.dispatch.operations;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class OperatorGateTest {

	private static final String KEY = ApiKeys.generate();

	private final JsonMapper json = JsonMapper.builder().build();

	private final OperatorGate gate = new OperatorGate(
			new KeyRing<>(Map.of(ApiKeys.sha256Hex(KEY), new Operator("on-call"))), json);

	private final AtomicReference<ServerWebExchange> passed = new AtomicReference<>();

	@Test
	void letsAnOperatorThroughAndTellsTheHandlerWhoItIs() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/v1/dispatch/replay")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

		filter(exchange);

		assertThat(passed.get()).isNotNull();
		assertThat((Operator) exchange.getAttribute(Operator.ATTRIBUTE)).isEqualTo(new Operator("on-call"));
	}

	@Test
	void refusesARequestWithoutAKeyWithABearerChallengeAndAProblem() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/v1/dispatch/undelivered"));

		filter(exchange);

		assertThat(passed.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer realm=\"tipline-dispatch\"");
		assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		JsonNode problem = json.readTree(exchange.getResponse().getBodyAsString().block());
		assertThat(problem.path("status").asInt()).isEqualTo(401);
		assertThat(problem.path("title").asString()).isEqualTo("Unauthorized");
		assertThat(problem.path("type").asString()).isEqualTo("about:blank");
		assertThat(problem.path("instance").asString()).isEqualTo("/v1/dispatch/undelivered");
	}

	@Test
	void refusesAWrongKeyWithoutRepeatingIt() {
		String wrong = ApiKeys.generate();
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.post("/v1/dispatch/endpoints/UT/enable")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + wrong));

		filter(exchange);

		assertThat(passed.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(exchange.getResponse().getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
			.isEqualTo("Bearer realm=\"tipline-dispatch\", error=\"invalid_token\"");
		assertThat(exchange.getResponse().getBodyAsString().block()).doesNotContain(wrong).doesNotContain(KEY);
	}

	@Test
	void refusesEveryoneWhenNoOperatorIsConfigured() {
		OperatorGate closed = new OperatorGate(new KeyRing<>(Map.of()), json);
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/v1/dispatch/dead-letters")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + KEY));

		closed.filter(exchange, (through) -> {
			passed.set(through);
			return Mono.empty();
		}).block();

		assertThat(passed.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void gatesAnEncodedPathThatReachesTheOperatorApi() {
		// %64 is 'd': the handler mappings decode it and would run the operator handler
		MockServerWebExchange exchange = exchange(
				MockServerHttpRequest.method(HttpMethod.GET, URI.create("/v1/%64ispatch/undelivered")));

		filter(exchange);

		assertThat(passed.get()).isNull();
		assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void leavesTheActuatorOpen() {
		MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/actuator/health"));

		filter(exchange);

		assertThat(passed.get()).isNotNull();
		assertThat(exchange.getResponse().getStatusCode()).isNull();
	}

	private void filter(MockServerWebExchange exchange) {
		gate.filter(exchange, (through) -> {
			passed.set(through);
			return Mono.empty();
		}).block();
	}

	private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
		return MockServerWebExchange.from(request);
	}
}
