package org.tipline.dispatch.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;

/**
 * Publishes dispatch's events, each synchronously (the binding's producer is {@code sync}): when a method returns,
 * Kafka has the event, so the caller may record that it was announced.
 */
@Component
public class DispatchEvents {

	static final String SOURCE = "/tipline/dispatch";

	private final StreamBridge streamBridge;

	DispatchEvents(StreamBridge streamBridge) {
		this.streamBridge = streamBridge;
	}

	/**
	 * @param eventId the CloudEvents id: derived from what the event is about, so publishing it again (after a
	 * crash, from the outbox) is recognisable as the same event
	 */
	public void publish(EventType type, String eventId, TipId tipId, Instant occurredAt, Object payload) {
		Message<Object> message = MessageBuilder.withPayload(payload)
			.copyHeaders(CloudEventHeaders.of(type, SOURCE, eventId, tipId, occurredAt))
			.setHeader(KafkaHeaders.KEY, tipId.toString().getBytes(StandardCharsets.UTF_8))
			.build();
		if (!streamBridge.send(bindingOf(type), message)) {
			throw new IllegalStateException(type.wireName() + " of tip " + tipId + " was not published");
		}
	}

	private static String bindingOf(EventType type) {
		return switch (type) {
			case TIP_DECIDED -> "tipDecisions";
			case TIP_DELIVERY_ATTEMPTED -> "deliveryAttempts";
			case TIP_SLA_BREACHED -> "slaBreaches";
			case TIP_REPLAYED -> "replays";
			default -> throw new IllegalArgumentException("dispatch does not publish " + type.wireName());
		};
	}
}
