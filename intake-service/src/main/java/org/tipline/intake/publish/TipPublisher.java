package org.tipline.intake.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipConsentUpdated;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
import org.tipline.security.TipSealer;
import org.tipline.events.Topics;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes received tips and later consent answers. The returned Mono completes only when every in-sync replica
 * has the record (acks=all, idempotent producer): what the channel adapter was told is accepted must survive a
 * broker crash.
 */
@Component
public class TipPublisher {

	static final String SOURCE = "/tipline/intake";

	private final KafkaTemplate<String, byte[]> kafka;

	private final JsonMapper json;

	private final Tracer tracer;

	private final Propagator propagator;

	private final TipSealer sealer;

	TipPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json, Tracer tracer, Propagator propagator,
			TipSealer sealer) {
		this.kafka = kafka;
		this.json = json;
		this.tracer = tracer;
		this.propagator = propagator;
		this.sealer = sealer;
	}

	/** Publishes the tip with its personal fields sealed. */
	public Mono<Void> publish(TipReceived tip) {
		return send(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, tip.tipId().toString(), tip.tipId(),
				tip.receivedAt(), sealer.seal(tip));
	}

	/** The event id names the answer's time, so each answer a victim gives is its own event. */
	public Mono<Void> publish(TipConsentUpdated consent) {
		return send(Topics.TIPS_CONSENT, EventType.TIP_CONSENT_UPDATED,
				consent.tipId() + "/consent/" + consent.updatedAt().toEpochMilli(), consent.tipId(), consent.updatedAt(),
				consent);
	}

	/**
	 * The request's W3C trace context, so the tip's path can be followed from here to the state. Added by hand
	 * rather than by the template's observation, which asks the broker for its cluster id and would hold a request
	 * well past the 503 it must get when Kafka is down.
	 */
	private void addTraceContext(ProducerRecord<String, byte[]> record) {
		Span current = tracer.currentSpan();
		if (current != null) {
			propagator.inject(current.context(), record.headers(),
					(headers, name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
		}
	}

	private Mono<Void> send(String topic, EventType type, String eventId, TipId tipId, Instant time, Object event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tipId.toString(),
				json.writeValueAsBytes(event));
		CloudEventHeaders.of(type, SOURCE, eventId, tipId, time)
			.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
		return Mono.defer(() -> {
			addTraceContext(record);
			return Mono.fromFuture(kafka.send(record));
		})
			.onErrorMap((ex) -> new PublishFailedException(tipId, ex))
			.then();
	}
}
