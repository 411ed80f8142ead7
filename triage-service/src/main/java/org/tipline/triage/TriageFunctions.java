package org.tipline.triage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.messaging.Message;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.events.Topics;
import org.tipline.kafka.BatchFailureHandling;
import org.tipline.kafka.PolledBatch;
import org.tipline.security.FieldKeys;
import org.tipline.security.TipOpener;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.linking.IncidentKeys;
import org.tipline.triage.linking.JdbcLinkIndex;
import org.tipline.triage.linking.TipLinker;
import org.tipline.triage.publish.TriageEvents;
import org.tipline.triage.publish.TriageEvents.TriagedTip;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class TriageFunctions {

	@Bean
	Triage triage(JdbcClient jdbc, TriageProperties properties, Clock clock) {
		TriageProperties.Linking linking = properties.linking();
		return new Triage(JurisdictionResolver.fromBundledData(), new TipClassifier(),
				new TipLinker(new IncidentKeys(linking.key()), new JdbcLinkIndex(jdbc, linking.window(), clock)),
				clock);
	}

	/**
	 * Triage reads the narrative and contact details, so it holds the private keyset. Without one it does not
	 * start: it could not classify a single tip.
	 */
	@Bean
	TipOpener tipOpener(@Value("${tipline.field-encryption.private-keyset-file:}") String privateKeysetFile) {
		return TipOpener.withPrivateKeyset(FieldKeys.readConfigured("tipline.field-encryption.private-keyset-file",
				privateKeysetFile, "triage opens the narrative and contact details intake sealed"));
	}

	/** A tip that cannot be triaged is dead-lettered alone; a poll the link index cannot take, never. */
	@Bean
	BatchFailureHandling batchFailureHandling(KafkaProperties kafka) {
		return new BatchFailureHandling(kafka);
	}

	/** The topics triage publishes to, created at start if they do not exist. */
	@Bean
	KafkaAdmin.NewTopics publishedTopics(TriageProperties properties) {
		return new KafkaAdmin.NewTopics(
				TopicBuilder.name(Topics.TIPS_TRIAGED).partitions(properties.topicPartitions()).build(),
				TopicBuilder.name(Topics.TIPS_LINKED).partitions(properties.topicPartitions()).build());
	}

	/**
	 * Triages a poll of tips at a time (the binding is in batch mode): each tip is read, opened, triaged and its
	 * links and triaged tip sent without waiting ({@link TriageEvents}); once the poll is done, one wait for all of
	 * its sends, and the poll's offsets are committed only after the function returned. Per tip, the framework's
	 * conversion, observation and synchronous sends were 40 % of triage's samples in a profile (docs/benchmarks.md,
	 * run 39).
	 * <p>
	 * The published event carries the tip as it arrived, still sealed: triage reads the personal fields in memory
	 * only. A tip that cannot be read, has a field in the clear or sealed for another tip, or fails triage for what
	 * it holds, is named in a {@link BatchListenerFailedException} once the tips before it are acknowledged: it is
	 * dead-lettered alone and the tips after it come again ({@link BatchFailureHandling}). A failure of the link
	 * index's database or of a send fails the whole poll, which is retried until it passes, never dead-lettered.
	 * <p>
	 * If the process dies before the offsets are committed, the poll is delivered and triaged again: a tip's keys
	 * are already in the index, which ignores a tip's own keys, so it finds the earlier tips again and its links are
	 * sent again under the same event ids ({@code <earlier>/linked/<later>}, and the tip id for the triaged tip),
	 * which consumers recognise as repeats. So a link can be repeated but not lost.
	 */
	@Bean
	Consumer<Message<List<byte[]>>> triageTip(Triage triage, TipOpener opener, JsonMapper json, MeterRegistry meters,
			TriageEvents events) {
		return (message) -> {
			PolledBatch batch = new PolledBatch(message);
			List<TriagedTip> triaged = new ArrayList<>();
			List<CompletableFuture<?>> sends = new ArrayList<>();
			RuntimeException refused = null;
			while (triaged.size() < batch.size() && refused == null) {
				Message<byte[]> record = batch.record(triaged.size());
				TriagedTip tip;
				try {
					tip = triage(record, triage, opener, json);
				}
				catch (DataAccessException ex) {
					throw ex;
				}
				catch (RuntimeException ex) {
					// reading, opening and classifying depend on the record alone: what fails once fails every time
					refused = ex;
					continue;
				}
				events.publish(tip, sends);
				triaged.add(tip);
			}
			events.awaitAll(sends);
			triaged.forEach((tip) -> meters.counter("tipline.triage.tips", "priority", tip.triaged().priority().name(),
					"trafficking_type", tip.triaged().classification().traffickingType().name()).increment());
			if (refused != null) {
				throw new BatchListenerFailedException("a tip of the poll cannot be triaged", refused,
						batch.origin(triaged.size()));
			}
		};
	}

	private static TriagedTip triage(Message<byte[]> record, Triage triage, TipOpener opener, JsonMapper json) {
		TipReceived sealed = json.readValue(record.getPayload(), TipReceived.class);
		Triage.Result result = triage.apply(opener.open(sealed));
		TipTriaged read = result.triaged();
		TipTriaged triaged = new TipTriaged(read.tipId(), read.triagedAt(), sealed, read.jurisdiction(),
				read.classification(), read.priority(), read.classifierVersion(), read.linkedTipIds());
		return new TriagedTip(triaged, result.linked(), traceparentOf(record));
	}

	/** Headers the binder does not map arrive as the record's raw bytes. */
	private static byte[] traceparentOf(Message<byte[]> record) {
		Object traceparent = record.getHeaders().get("traceparent");
		if (traceparent instanceof byte[] bytes) {
			return bytes;
		}
		return (traceparent instanceof String text) ? text.getBytes(StandardCharsets.UTF_8) : null;
	}
}
