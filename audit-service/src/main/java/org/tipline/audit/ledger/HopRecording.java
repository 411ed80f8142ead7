package org.tipline.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.tipline.audit.checkpoint.CheckpointIssuer;
import org.tipline.kafka.BatchFailureHandling;
import org.tipline.kafka.PolledBatch;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class HopRecording {

	private static final String DEAD_LETTER_SUFFIX = ".dlq";

	/** W3C traceparent: version, trace id, parent span id, flags. */
	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

	/** A record audit cannot read or store is dead-lettered alone; a poll the database cannot take, never. */
	@Bean
	BatchFailureHandling batchFailureHandling(KafkaProperties kafka) {
		return new BatchFailureHandling(kafka);
	}

	/**
	 * Records every pipeline event, and every record a service dead-lettered, as audit entries, a poll of records at
	 * a time: the entries of the whole poll are appended in one transaction, so audit pays for one lock and one
	 * flush per poll, not per event. Offsets are committed only after the function returns, that is after the
	 * entries are stored, and a redelivered event adds nothing, so the log is complete and free of duplicates across
	 * crashes. A record that cannot be read, or that the database refuses, is named in a
	 * {@link BatchListenerFailedException} once the records before it are stored: it is dead-lettered alone and the
	 * records after it come again ({@link BatchFailureHandling}). A checkpoint is signed as soon as enough entries are
	 * waiting.
	 */
	@Bean
	Consumer<Message<List<byte[]>>> recordHop(AuditLedger ledger, CheckpointIssuer checkpoints, JsonMapper json,
			Clock clock) {
		HopReader reader = new HopReader(json);
		return (message) -> {
			PolledBatch batch = new PolledBatch(message);
			List<List<HopEntry>> readable = new ArrayList<>();
			RuntimeException unreadable = null;
			while (readable.size() < batch.size() && unreadable == null) {
				try {
					readable.add(entriesOf(batch.record(readable.size()), reader, clock));
				}
				catch (RuntimeException ex) {
					// reading is plain parsing of the record's bytes and headers: what fails once fails every time
					unreadable = ex;
				}
			}
			if (store(ledger, batch, readable)) {
				checkpoints.issueIfDue();
			}
			if (unreadable != null) {
				throw new BatchListenerFailedException("a record of the batch cannot be read", unreadable,
						batch.origin(readable.size()));
			}
		};
	}

	private static List<HopEntry> entriesOf(Message<byte[]> record, HopReader reader, Clock clock) {
		String topic = header(record.getHeaders(), KafkaHeaders.RECEIVED_TOPIC);
		List<HopEntry> entries = (topic != null && topic.endsWith(DEAD_LETTER_SUFFIX))
				? reader.readDeadLetter(deadLetter(topic, record, clock))
				: reader.read(CloudEventMessageUtils.getType(record),
						String.valueOf(CloudEventMessageUtils.getSource(record)), CloudEventMessageUtils.getId(record),
						record.getPayload());
		String traceId = traceIdOf(header(record.getHeaders(), "traceparent"));
		return entries.stream().map((entry) -> entry.withTraceId(traceId)).toList();
	}

	/**
	 * Appends the entries of the first records of the batch, in order, in one transaction; true if any was new.
	 * Should the database refuse one (a value longer than its column, a character PostgreSQL cannot store), they
	 * are appended a record at a time instead, to find which: the records before it are stored and it is
	 * dead-lettered like an unreadable one. Any other failure stores none of them, to be tried again.
	 */
	private static boolean store(AuditLedger ledger, PolledBatch batch, List<List<HopEntry>> records) {
		try {
			return !ledger.append(records.stream().flatMap(List::stream).toList()).isEmpty();
		}
		catch (DataIntegrityViolationException refusedInTheBatch) {
			boolean appended = false;
			for (int index = 0; index < records.size(); index++) {
				try {
					appended |= !ledger.append(records.get(index)).isEmpty();
				}
				catch (DataIntegrityViolationException refused) {
					throw new BatchListenerFailedException("the database refused a record of the batch", refused,
							batch.origin(index));
				}
			}
			return appended;
		}
	}

	/** {@code tips.triaged.v1.dispatch-service.dlq}: the group that gave up is between topic and suffix. */
	private static DeadLetter deadLetter(String topic, Message<byte[]> message, Clock clock) {
		MessageHeaders headers = message.getHeaders();
		String originalTopic = header(headers, "x-original-topic");
		String withoutSuffix = topic.substring(0, topic.length() - DEAD_LETTER_SUFFIX.length());
		String group = (originalTopic != null && withoutSuffix.startsWith(originalTopic + "."))
				? withoutSuffix.substring(originalTopic.length() + 1)
				: withoutSuffix.substring(withoutSuffix.lastIndexOf('.') + 1);
		Object timestamp = headers.get(KafkaHeaders.RECEIVED_TIMESTAMP);
		Instant at = (timestamp instanceof Long millis) ? Instant.ofEpochMilli(millis) : clock.instant();
		return new DeadLetter(group, originalTopic, number(headers, "x-original-partition"),
				number(headers, "x-original-offset"), header(headers, "x-exception-fqcn"),
				header(headers, "ce_source"), header(headers, "ce_id"), header(headers, "ce_type"),
				header(headers, "ce_subject"), header(headers, KafkaHeaders.RECEIVED_KEY), at, message.getPayload());
	}

	/** The binder writes the original partition and offset as big-endian int and long. */
	private static String number(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes && (bytes.length == Integer.BYTES || bytes.length == Long.BYTES)) {
			ByteBuffer buffer = ByteBuffer.wrap(bytes);
			return String.valueOf((bytes.length == Integer.BYTES) ? buffer.getInt() : buffer.getLong());
		}
		return header(headers, name);
	}

	/** Headers the binder does not map arrive as the record's raw bytes. */
	private static String traceIdOf(String traceparent) {
		if (traceparent == null) {
			return null;
		}
		Matcher matcher = TRACEPARENT.matcher(traceparent.trim());
		return matcher.matches() ? matcher.group(1) : null;
	}

	private static String header(MessageHeaders headers, String name) {
		Object value = headers.get(name);
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8);
		}
		return (value == null) ? null : value.toString();
	}
}
