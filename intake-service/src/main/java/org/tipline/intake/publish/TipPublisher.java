package org.tipline.intake.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipConsentUpdated;
import org.tipline.events.TipId;
import org.tipline.events.TipReceived;
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

	TipPublisher(KafkaTemplate<String, byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	public Mono<Void> publish(TipReceived tip) {
		return send(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, tip.tipId().toString(), tip.tipId(),
				tip.receivedAt(), tip);
	}

	/** The event id names the answer's time, so each answer a victim gives is its own event. */
	public Mono<Void> publish(TipConsentUpdated consent) {
		return send(Topics.TIPS_CONSENT, EventType.TIP_CONSENT_UPDATED,
				consent.tipId() + "/consent/" + consent.updatedAt().toEpochMilli(), consent.tipId(), consent.updatedAt(),
				consent);
	}

	private Mono<Void> send(String topic, EventType type, String eventId, TipId tipId, Instant time, Object event) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tipId.toString(),
				json.writeValueAsBytes(event));
		CloudEventHeaders.of(type, SOURCE, eventId, tipId, time)
			.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
		return Mono.defer(() -> Mono.fromFuture(kafka.send(record)))
			.onErrorMap((ex) -> new PublishFailedException(tipId, ex))
			.then();
	}
}
