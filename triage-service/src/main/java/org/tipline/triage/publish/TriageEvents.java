package org.tipline.triage.publish;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.TipLinked;
import org.tipline.events.TipTriaged;
import org.tipline.events.Topics;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes what triage made of each tip of a poll as soon as it is triaged: its links first, then the triaged tip,
 * without waiting (acks=all, idempotent producer); {@link #awaitAll} then waits once for the whole poll. One wait
 * for a poll instead of one per event is what this is for. A send that fails fails the poll, which is processed
 * again: events already sent are sent again under the same ids, which consumers recognise as repeats, so a link is
 * never lost even if its triaged tip was acknowledged first.
 */
@Component
public class TriageEvents {

	static final String SOURCE = "/tipline/triage";

	private static final String TRACEPARENT = "traceparent";

	private final KafkaTemplate<byte[], byte[]> kafka;

	private final JsonMapper json;

	TriageEvents(KafkaTemplate<byte[], byte[]> kafka, JsonMapper json) {
		this.kafka = kafka;
		this.json = json;
	}

	/** Sends the tip's links, then the tip; adds each send to {@code sends}, for {@link #awaitAll}. */
	public void publish(TriagedTip tip, List<CompletableFuture<?>> sends) {
		for (TipLinked link : tip.links()) {
			sends.add(send(Topics.TIPS_LINKED, EventType.TIP_LINKED, link.tipId() + "/linked/" + link.linkedTipId(),
					link.tipId(), link.linkedAt(), link, tip.traceparent()));
		}
		TipTriaged triaged = tip.triaged();
		sends.add(send(Topics.TIPS_TRIAGED, EventType.TIP_TRIAGED, triaged.tipId().toString(), triaged.tipId(),
				triaged.triagedAt(), triaged, tip.traceparent()));
	}

	/** Returns once Kafka acknowledged every send; throws if any failed. */
	public void awaitAll(List<CompletableFuture<?>> sends) {
		try {
			CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new)).join();
		}
		catch (CompletionException ex) {
			throw new KafkaException("an event of the poll was not acknowledged", ex.getCause());
		}
	}

	/** Keyed by the tip the event is about: a link goes to the earlier tip's partition. */
	private CompletableFuture<?> send(String topic, EventType type, String eventId, TipId tipId, Instant time,
			Object event, byte[] traceparent) {
		ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
				tipId.toString().getBytes(StandardCharsets.UTF_8), json.writeValueAsBytes(event));
		CloudEventHeaders.of(type, SOURCE, eventId, tipId, time)
			.forEach((name, value) -> record.headers().add(name, value.toString().getBytes(StandardCharsets.UTF_8)));
		if (traceparent != null) {
			record.headers().add(TRACEPARENT, traceparent);
		}
		return kafka.send(record);
	}

	/**
	 * One tip as triaged, the links it makes to earlier tips, and the W3C traceparent it arrived with, which its
	 * events carry on so the tip's trace continues to the state.
	 */
	public record TriagedTip(TipTriaged triaged, List<TipLinked> links, byte[] traceparent) {
	}
}
