package org.tipline.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.Topics;
import org.tipline.testing.SharedKafka;

/**
 * Publishes pipeline events to the real topics, as the other services would, with their CloudEvents headers. Each
 * send waits for the broker's acknowledgement, so a test knows the event is there before it looks for the entry;
 * {@link #withoutWaiting()} publishes many at a time and waits for them all on close.
 */
public final class PipelineEvents implements AutoCloseable {

	private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
			Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG,
					"all"),
			new StringSerializer(), new ByteArraySerializer());

	private final boolean waitForEachSend;

	private final AtomicReference<Exception> firstFailure = new AtomicReference<>();

	public PipelineEvents() {
		this(true);
	}

	private PipelineEvents(boolean waitForEachSend) {
		this.waitForEachSend = waitForEachSend;
	}

	/** Sends without waiting for each acknowledgement; {@link #close()} waits for all and fails if any failed. */
	public static PipelineEvents withoutWaiting() {
		return new PipelineEvents(false);
	}

	public void received(UUID tip, Instant at) {
		publish(Topics.TIPS_RECEIVED, EventType.TIP_RECEIVED, "/tipline/intake", tip.toString(), tip, """
				{"tipId":"%s","receivedAt":"%s","channel":"SMS","channelMessageId":"m-%s",
				 "narrative":"PERSONAL-NARRATIVE","callerPhone":"+13055550100"}""".formatted(tip, at, tip));
	}

	public void triaged(UUID tip, Instant at, String state, String priority) {
		publish(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, "/tipline/triage", tip.toString(), tip, """
				{"tipId":"%s","triagedAt":"%s","priority":"%s","classifierVersion":"rules@1",
				 "jurisdiction":{"state":"%s","confidence":0.9,"basis":"EXPLICIT"},
				 "classification":{"minor":false,"imminentDanger":false,"traffickingType":"SEX","reporterRole":"THIRD_PARTY"},
				 "tip":{"narrative":"PERSONAL-NARRATIVE"}}""".formatted(tip, at, priority, state));
	}

	/** {@code deadline} may be null, as for a tip that is not forwarded. */
	public void decided(UUID tip, String eventId, Instant at, String decision, String reason, String state,
			String priority, Instant deadline) {
		String deadlineJson = (deadline == null) ? "null" : "\"" + deadline + "\"";
		publish(Topics.TIPS_DECIDED, EventType.TIP_DECIDED, "/tipline/dispatch", eventId, tip, """
				{"tipId":"%s","decidedAt":"%s","decision":"%s","reasonCode":"%s","policyVersion":"national-default@2",
				 "rule":"rule-%s","endpoint":"%s","deadline":%s,
				 "triaged":{"priority":"%s","jurisdiction":{"state":"%s"},"tip":{"narrative":"PERSONAL-NARRATIVE"}}}"""
			.formatted(tip, at, decision, reason, reason, state, deadlineJson, priority, state));
	}

	public void delivered(UUID tip, Instant at, String state) {
		publish(Topics.TIPS_DELIVERIES, EventType.TIP_DELIVERY_ATTEMPTED, "/tipline/dispatch", "delivery-" + tip + "/1",
				tip, """
						{"tipId":"%s","deliveryId":"d-%s","attempt":1,"attemptedAt":"%s","endpoint":"%s",
						 "outcome":"DELIVERED","statusCode":202,"latencyMillis":40,"stateCaseNumber":"CASE-%s"}"""
					.formatted(tip, tip, at, state, state));
	}

	public void consentUpdated(UUID tip, Instant at, String consent) {
		publish(Topics.TIPS_CONSENT, EventType.TIP_CONSENT_UPDATED, "/tipline/intake", "consent-" + tip, tip, """
				{"tipId":"%s","consent":"%s","updatedAt":"%s"}""".formatted(tip, consent, at));
	}

	public void breached(UUID tip, Instant deadline, Instant at, String state, String priority) {
		publish(Topics.TIPS_BREACHES, EventType.TIP_SLA_BREACHED, "/tipline/dispatch", "breach-" + tip, tip, """
				{"tipId":"%s","deliveryId":"d-%s","endpoint":"%s","state":"%s","priority":"%s","deadline":"%s",
				 "breachedAt":"%s"}""".formatted(tip, tip, state, state, priority, deadline, at));
	}

	/** As triage publishes it: keyed by the earlier tip, its id the same every time the link is found again. */
	public void linked(UUID tip, UUID laterTip, Instant at) {
		publish(Topics.TIPS_LINKED, EventType.TIP_LINKED, "/tipline/triage", tip + "/linked/" + laterTip, tip, """
				{"tipId":"%s","linkedTipId":"%s","linkedAt":"%s","evidence":["PHONE","STORY"]}"""
			.formatted(tip, laterTip, at));
	}

	public void publish(String topic, EventType type, String source, String id, UUID tip, String json) {
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, tip.toString(),
				json.getBytes(StandardCharsets.UTF_8));
		CloudEventHeaders.of(type, source, id, new TipId(tip), Instant.now())
			.forEach((name, value) -> record.headers()
				.add(new RecordHeader(name, value.toString().getBytes(StandardCharsets.UTF_8))));
		send(record);
	}

	public void send(ProducerRecord<String, byte[]> record) {
		if (!waitForEachSend) {
			producer.send(record, (metadata, failure) -> {
				if (failure != null) {
					firstFailure.compareAndSet(null, failure);
				}
			});
			return;
		}
		try {
			producer.send(record).get();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		producer.close();
		if (firstFailure.get() != null) {
			throw new IllegalStateException("an event was not published", firstFailure.get());
		}
	}
}
