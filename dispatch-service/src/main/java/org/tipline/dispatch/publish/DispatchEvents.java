package org.tipline.dispatch.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletionException;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes dispatch's events, each synchronously: when a method returns, Kafka has the event (acks=all,
 * idempotent producer), so the caller may record that it was announced. Straight to Kafka rather than through
 * {@code StreamBridge}, whose message conversion, observation and header mapping were about four fifths of the time
 * dispatch spent publishing (docs/benchmarks.md, run 39).
 */
@Component
public class DispatchEvents {

	static final String SOURCE = "/tipline/dispatch";

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final JsonMapper json;

	private final Tracer tracer;

	private final Propagator propagator;

	DispatchEvents(KafkaTemplate<byte[], byte[]> kafka, JsonMapper json, Tracer tracer, Propagator propagator) {
		this.kafka = kafka;
		this.json = json;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/**
	 * @param eventId the CloudEvents id: derived from what the event is about, so publishing it again (after a
	 * crash, from the outbox) is recognisable as the same event
	 */
	public void publish(EventType type, String eventId, TipId tipId, Instant occurredAt, Object payload) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topicOf(type),
				tipId.toString().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(payload));
		CloudEventHeaders.of(type, SOURCE, eventId, tipId, occurredAt)
			.forEach((name, value) -> record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
		addTraceContext(record);
		try {
			kafka.send(record).join();
		}
		catch (CompletionException ex) {
			throw new KafkaException(type.wireName() + " of tip " + tipId + " was not published", ex.getCause());
		}
	}

	/** The tip's trace: the consumed record's, or the delivery attempt's span continuing it. */
	private void addTraceContext(ProducerRecord<byte[], byte[]> record) {
		Span current = tracer.currentSpan();
		if (current != null) {
			propagator.inject(current.context(), record.headers(),
					(headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	static String topicOf(EventType type) {
		return switch (type) {
			case TIP_DECIDED -> Topics.TIPS_DECIDED;
			case TIP_DELIVERY_ATTEMPTED -> Topics.TIPS_DELIVERIES;
			case TIP_SLA_BREACHED -> Topics.TIPS_BREACHES;
			case TIP_REPLAYED -> Topics.TIPS_REPLAYS;
			default -> throw new IllegalArgumentException("dispatch does not publish " + type.wireName());
		};
	}
}
