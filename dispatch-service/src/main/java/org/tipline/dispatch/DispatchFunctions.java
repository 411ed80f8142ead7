package org.tipline.dispatch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.Function;

import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.tipline.dispatch.delivery.DeliveryProperties;
import org.tipline.dispatch.delivery.TipDeliverer;
import org.tipline.dispatch.endpoint.StateEndpoints;
import org.tipline.dispatch.policy.ForwardingPolicy;
import org.tipline.dispatch.policy.PolicyDecision;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipDecided;
import org.tipline.events.TipDeliveryAttempted;
import org.tipline.events.TipTriaged;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class DispatchFunctions {

	static final String SOURCE = "/tipline/dispatch";

	/** Output binding, configured in application.yml, that delivery attempts are published through. */
	static final String DELIVERY_ATTEMPTS_BINDING = "deliveryAttempts";

	/** Decides, by the forwarding policy, whether and where a triaged tip goes; withheld tips stop here. */
	@Bean
	Function<Message<TipTriaged>, Message<TipDecided>> decideForwarding(Clock clock) {
		ForwardingPolicy policy = new ForwardingPolicy();
		return (message) -> {
			TipTriaged triaged = message.getPayload();
			PolicyDecision decision = policy.decide(triaged);
			TipDecided decided = new TipDecided(triaged.tipId(), clock.instant(), decision.decision(),
					decision.reasonCode(), ForwardingPolicy.VERSION, decision.rule(), decision.endpoint(), null, triaged);
			return MessageBuilder.withPayload(decided)
				.copyHeaders(CloudEventHeaders.of(EventType.TIP_DECIDED, SOURCE, decided.tipId().toString(),
						decided.tipId(), decided.decidedAt()))
				.setHeader(KafkaHeaders.KEY, decided.tipId().toString().getBytes(StandardCharsets.UTF_8))
				.build();
		};
	}

	@Bean
	TipDeliverer tipDeliverer(StateEndpoints endpoints, DeliveryProperties properties, JsonMapper json,
			StreamBridge streamBridge, Clock clock) {
		return new TipDeliverer(endpoints, properties, json, (attempt) -> publishAttempt(streamBridge, attempt),
				clock);
	}

	/**
	 * Delivers each forwarded tip, retrying until the endpoint acknowledges it; a tip that exhausts its
	 * attempts is dead-lettered with the cause in its headers, never dropped.
	 */
	@Bean
	Consumer<Message<TipDecided>> deliverTip(TipDeliverer deliverer) {
		return (message) -> {
			if (message.getPayload().forwards()) {
				deliverer.deliver(message.getPayload());
			}
		};
	}

	private static void publishAttempt(StreamBridge streamBridge, TipDeliveryAttempted attempt) {
		Message<TipDeliveryAttempted> message = MessageBuilder.withPayload(attempt)
			.copyHeaders(CloudEventHeaders.of(EventType.TIP_DELIVERY_ATTEMPTED, SOURCE,
					attempt.deliveryId() + "/" + attempt.attempt(), attempt.tipId(), attempt.attemptedAt()))
			.setHeader(KafkaHeaders.KEY, attempt.tipId().toString().getBytes(StandardCharsets.UTF_8))
			.build();
		if (!streamBridge.send(DELIVERY_ATTEMPTS_BINDING, message)) {
			throw new IllegalStateException("delivery attempt of tip " + attempt.tipId() + " was not published");
		}
	}
}
