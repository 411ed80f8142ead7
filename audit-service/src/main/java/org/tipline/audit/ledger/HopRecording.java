package org.tipline.audit.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.cloud.function.cloudevent.CloudEventMessageUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.tipline.audit.checkpoint.CheckpointIssuer;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class HopRecording {

	private static final String DEAD_LETTER_SUFFIX = ".dlq";

	/** W3C traceparent: version, trace id, parent span id, flags. */
	private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

	/**
	 * Records every pipeline event, and every record a service dead-lettered, as audit entries. Offsets are
	 * committed only after the entries are stored, and a redelivered event adds nothing, so the log is complete
	 * and free of duplicates across crashes. A checkpoint is signed as soon as enough entries are waiting.
	 */
	@Bean
	Consumer<Message<byte[]>> recordHop(AuditLedger ledger, CheckpointIssuer checkpoints, JsonMapper json,
			Clock clock) {
		HopReader reader = new HopReader(json);
		return (message) -> {
			String topic = header(message.getHeaders(), KafkaHeaders.RECEIVED_TOPIC);
			List<HopEntry> entries = (topic != null && topic.endsWith(DEAD_LETTER_SUFFIX))
					? reader.readDeadLetter(deadLetter(topic, message, clock))
					: reader.read(CloudEventMessageUtils.getType(message),
							String.valueOf(CloudEventMessageUtils.getSource(message)),
							CloudEventMessageUtils.getId(message), message.getPayload());
			String traceId = traceIdOf(header(message.getHeaders(), "traceparent"));
			entries = entries.stream().map((entry) -> entry.withTraceId(traceId)).toList();
			if (!ledger.append(entries).isEmpty()) {
				checkpoints.issueIfDue();
			}
		};
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
