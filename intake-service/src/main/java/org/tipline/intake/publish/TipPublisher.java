package org.tipline.intake.publish;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipReceived;
import org.tipline.events.Topics;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes received tips. The returned Mono completes only when every in-sync replica has the record
 * (acks=all, idempotent producer): a tip the channel adapter was told is accepted must survive a broker crash.
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
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.TIPS_RECEIVED, tip.tipId().toString(),
				json.writeValueAsBytes(tip));
		CloudEventHeaders
			.of(EventType.TIP_RECEIVED, SOURCE, tip.tipId().toString(), tip.tipId(), tip.receivedAt())
			.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
		return Mono.defer(() -> Mono.fromFuture(kafka.send(record)))
			.onErrorMap((ex) -> new PublishFailedException(tip.tipId(), ex))
			.then();
	}
}
