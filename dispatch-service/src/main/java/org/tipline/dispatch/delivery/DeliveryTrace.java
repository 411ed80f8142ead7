package org.tipline.dispatch.delivery;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.stereotype.Component;

/**
 * Carries a tip's trace across the delivery queue: the decision's trace context is stored with the delivery, and
 * each attempt runs in a span continuing it, whose traceparent goes on the delivery request and on the events the
 * attempt publishes.
 */
@Component
public class DeliveryTrace {

	private final Tracer tracer;

	private final Propagator propagator;

	DeliveryTrace(Tracer tracer, Propagator propagator) {
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** The W3C traceparent of the current span, or null outside any trace. */
	public String currentTraceparent() {
		Span current = tracer.currentSpan();
		return (current != null) ? headersOf(current).get("traceparent") : null;
	}

	/** Runs {@code attempt} in a span continuing {@code traceparent}, giving it the headers that propagate it. */
	void continueTrace(String traceparent, String name, Consumer<Map<String, String>> attempt) {
		Span.Builder builder = (traceparent != null)
				? propagator.extract(Map.of("traceparent", traceparent), Map::get) : tracer.spanBuilder();
		Span span = builder.name(name).kind(Span.Kind.CLIENT).start();
		try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
			attempt.accept(headersOf(span));
		}
		finally {
			span.end();
		}
	}

	private Map<String, String> headersOf(Span span) {
		Map<String, String> headers = new HashMap<>();
		propagator.inject(span.context(), headers, Map::put);
		return headers;
	}
}
