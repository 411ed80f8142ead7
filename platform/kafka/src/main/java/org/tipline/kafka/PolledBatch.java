package org.tipline.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

/**
 * One poll of records as the Kafka binder hands it over in batch mode: the payloads in a list; each record's Kafka
 * metadata as the element at its index of a list-valued header ({@code kafka_receivedTopic}, ...); and each
 * record's own headers ({@code ce_*}, {@code traceparent}, {@code x-original-*}) as the map at its index of
 * {@code kafka_batchConvertedHeaders}, not as lists of their own.
 */
public final class PolledBatch {

	private static final List<String> METADATA = List.of(KafkaHeaders.RECEIVED_TOPIC, KafkaHeaders.RECEIVED_KEY,
			KafkaHeaders.RECEIVED_PARTITION, KafkaHeaders.OFFSET, KafkaHeaders.RECEIVED_TIMESTAMP,
			KafkaHeaders.TIMESTAMP_TYPE);

	private final Message<List<byte[]>> batch;

	public PolledBatch(Message<List<byte[]>> batch) {
		this.batch = batch;
	}

	public int size() {
		return batch.getPayload().size();
	}

	/** Record {@code index} as a message of its own, with the headers the binder gives a record out of batch mode. */
	public Message<byte[]> record(int index) {
		MessageHeaders headers = batch.getHeaders();
		Map<String, Object> own = new HashMap<>();
		if (headers.get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> converted
				&& converted.get(index) instanceof Map<?, ?> recordHeaders) {
			recordHeaders.forEach((name, value) -> own.put(name.toString(), value));
		}
		for (String name : METADATA) {
			if (headers.get(name) instanceof List<?> values && values.get(index) != null) {
				own.put(name, values.get(index));
			}
		}
		return MessageBuilder.createMessage(batch.getPayload().get(index), new MessageHeaders(own));
	}

	/**
	 * Where record {@code index} was read from: its topic, partition and offset, by which Spring Kafka finds a record
	 * named in a {@link org.springframework.kafka.listener.BatchListenerFailedException} among those it polled. Key
	 * and value are left out: the exception is logged, and the record may hold a narrative.
	 */
	public ConsumerRecord<Object, Object> origin(int index) {
		MessageHeaders headers = batch.getHeaders();
		return new ConsumerRecord<>((String) element(headers, KafkaHeaders.RECEIVED_TOPIC, index),
				(Integer) element(headers, KafkaHeaders.RECEIVED_PARTITION, index),
				(Long) element(headers, KafkaHeaders.OFFSET, index), null, null);
	}

	private static Object element(MessageHeaders headers, String name, int index) {
		return ((List<?>) headers.get(name)).get(index);
	}
}
