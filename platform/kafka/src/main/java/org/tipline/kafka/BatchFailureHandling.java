package org.tipline.kafka;

import java.util.function.BiFunction;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.cloud.stream.binder.kafka.ListenerContainerWithDlqAndRetryCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.AbstractMessageListenerContainer;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.Assert;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What becomes of a batch a service could not process in full, for every binding of the service (all of them in
 * batch mode). The binder's own dead-lettering will not do in batch mode (spring-cloud-stream-binder-kafka 5.0.4):
 * it sends every record of the poll to the dead-letter topic, those already processed and those after the bad one
 * too, which then are never processed. So the binding's container gets Spring Kafka's {@link DefaultErrorHandler}
 * instead, through the binder's hook for it; declare this as a bean.
 * <ul>
 * <li>the one record a {@link BatchListenerFailedException} names (unreadable, or refused for what it holds) is
 * dead-lettered at once, alone, to the binding's dead-letter topic ({@code dlq-name}) with the headers the binder
 * writes ({@code x-original-topic}, {@code -partition}, {@code -offset}, {@code x-exception-fqcn}, ...); the
 * offsets of the records before it, which the function must have finished with, are committed, and the records
 * after it come again. Retrying would not help: the same bytes fail the same way.</li>
 * <li>a batch that failed otherwise (the database or the broker unavailable) is retried, then sought back and
 * polled again, for as long as it takes: nothing is committed and nothing dead-lettered, so the service falls
 * behind rather than losing a record.</li>
 * </ul>
 */
public class BatchFailureHandling implements ListenerContainerWithDlqAndRetryCustomizer, DisposableBean {

	/** The binder's names, where it has them: a dead letter reads the same whichever way it was written. */
	private static final HeaderNames BINDER_HEADER_NAMES = HeaderNames.Builder.original()
		.offsetHeader("x-original-offset")
		.timestampHeader("x-original-timestamp")
		.timestampTypeHeader("x-original-timestamp-type")
		.topicHeader("x-original-topic")
		.partitionHeader("x-original-partition")
		.consumerGroupHeader("x-original-consumer-group")
		.exception()
		.keyExceptionFqcn("x-key-exception-fqcn")
		.exceptionFqcn("x-exception-fqcn")
		.exceptionCauseFqcn("x-exception-cause-fqcn")
		.keyExceptionMessage("x-key-exception-message")
		.exceptionMessage("x-exception-message")
		.keyExceptionStacktrace("x-key-exception-stacktrace")
		.exceptionStacktrace("x-exception-stacktrace")
		.build();

	private final DefaultKafkaProducerFactory<byte[], byte[]> deadLetterProducers;

	public BatchFailureHandling(KafkaProperties kafka) {
		this.deadLetterProducers = new DefaultKafkaProducerFactory<>(kafka.buildProducerProperties(),
				new ByteArraySerializer(), new ByteArraySerializer());
	}

	@Override
	public void configure(AbstractMessageListenerContainer<?, ?> container, String destinationName, String group,
			BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> dlqDestinationResolver, BackOff backOff) {
		Assert.notNull(dlqDestinationResolver, () -> "enable-dlq must be set on the binding of " + destinationName);
		DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
				new KafkaTemplate<>(deadLetterProducers), dlqDestinationResolver);
		deadLetters.setHeaderNamesSupplier(() -> BINDER_HEADER_NAMES);
		DefaultErrorHandler errors = new DefaultErrorHandler(new OnlyTheNamedRecord(deadLetters), retriesOfAWholeBatch());
		errors.addNotRetryableExceptions(BatchListenerFailedException.class);
		container.setCommonErrorHandler(errors);
	}

	/**
	 * For a batch that failed as a whole: about 15 seconds of retries, polling all along so the consumer
	 * keeps its partitions; then the batch is sought back and the next poll brings it again.
	 */
	private static BackOff retriesOfAWholeBatch() {
		ExponentialBackOff backOff = new ExponentialBackOff(1000, 2);
		backOff.setMaxInterval(10_000);
		backOff.setMaxAttempts(4);
		return backOff;
	}

	@Override
	public void destroy() {
		deadLetterProducers.destroy();
	}

	/**
	 * Dead-letters a record only if a {@link BatchListenerFailedException} names it, with the reason it names as the
	 * exception; refuses any other, and a record refused is sought back and delivered again. So a whole batch that
	 * failed, which Spring Kafka would hand over record by record once retries are exhausted, is never
	 * dead-lettered, even if the last retry failed on one record.
	 */
	private record OnlyTheNamedRecord(DeadLetterPublishingRecoverer deadLetters)
			implements ConsumerAwareRecordRecoverer {

		@Override
		public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception exception) {
			BatchListenerFailedException failed = namedFailure(exception);
			ConsumerRecord<?, ?> named = (failed != null) ? failed.getRecord() : null;
			if (named == null || !named.topic().equals(record.topic()) || named.partition() != record.partition()
					|| named.offset() != record.offset()) {
				throw new IllegalStateException(
						"not dead-lettered, to be delivered again: " + KafkaUtils.format(record), exception);
			}
			deadLetters.accept(record, consumer,
					(failed.getCause() instanceof Exception reason) ? reason : failed);
		}

		private static BatchListenerFailedException namedFailure(Throwable exception) {
			for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
				if (cause instanceof BatchListenerFailedException failed) {
					return failed;
				}
			}
			return null;
		}
	}
}
