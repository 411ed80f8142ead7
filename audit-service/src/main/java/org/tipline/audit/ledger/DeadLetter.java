package org.tipline.audit.ledger;

import java.time.Instant;

/**
 * A record a consumer gave up on, as the Kafka binder dead-letters it: the original bytes and headers, plus
 * where it came from ({@code x-original-*}) and the exception's class ({@code x-exception-fqcn}).
 */
public record DeadLetter(String consumerGroup, String originalTopic, String originalPartition, String originalOffset,
		String exceptionClass, String ceSource, String ceId, String ceType, String ceSubject, String key,
		Instant deadLetteredAt, byte[] payload) {
}
