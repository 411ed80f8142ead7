package org.tipline.triage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipReceived;
import org.tipline.events.TipTriaged;
import org.tipline.security.FieldKeys;
import org.tipline.security.TipOpener;
import org.tipline.triage.classification.TipClassifier;
import org.tipline.triage.jurisdiction.JurisdictionResolver;
import org.tipline.triage.linking.IncidentKeys;
import org.tipline.triage.linking.JdbcLinkIndex;
import org.tipline.triage.linking.TipLinker;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TriageProperties.class)
class TriageFunctions {

	static final String SOURCE = "/tipline/triage";

	@Bean
	Triage triage(JdbcClient jdbc, TriageProperties properties, Clock clock) {
		TriageProperties.Linking linking = properties.linking();
		return new Triage(JurisdictionResolver.fromBundledData(), new TipClassifier(),
				new TipLinker(new IncidentKeys(linking.key()), new JdbcLinkIndex(jdbc, linking.window(), clock)),
				clock);
	}

	/**
	 * Imperative, so a failure is retried and then dead-lettered by the binder instead of ending a reactive
	 * stream. The event id is the tip id: triaging the same tip again after a redelivery is recognisable, and
	 * finds the same linked tips, since the link index ignores a tip's own keys.
	 */
	/**
	 * Triage reads the narrative and contact details, so it holds the private keyset. Without one it does not
	 * start: it could not classify a single tip.
	 */
	@Bean
	TipOpener tipOpener(@Value("${tipline.field-encryption.private-keyset-file:}") String privateKeysetFile) {
		if (privateKeysetFile.isBlank()) {
			throw new IllegalStateException("tipline.field-encryption.private-keyset-file is not set: triage opens "
					+ "the narrative and contact details intake sealed (create the keysets with ./tipline keys keyset DIR)");
		}
		return TipOpener.withPrivateKeyset(FieldKeys.read(Path.of(privateKeysetFile)));
	}

	/**
	 * The published event carries the tip as it arrived, still sealed: triage reads the personal fields in memory
	 * only. A tip with a field in the clear or sealed for another tip fails here and is dead-lettered.
	 */
	@Bean
	Function<Message<TipReceived>, Message<TipTriaged>> triageTip(Triage triage, TipOpener opener,
			MeterRegistry meters) {
		return (message) -> {
			TipReceived sealed = message.getPayload();
			TipTriaged read = triage.apply(opener.open(sealed));
			TipTriaged triaged = new TipTriaged(read.tipId(), read.triagedAt(), sealed, read.jurisdiction(),
					read.classification(), read.priority(), read.classifierVersion(), read.linkedTipIds());
			meters.counter("tipline.triage.tips", "priority", triaged.priority().name(), "trafficking_type",
					triaged.classification().traffickingType().name()).increment();
			return MessageBuilder.withPayload(triaged)
				.copyHeaders(CloudEventHeaders.of(EventType.TIP_TRIAGED, SOURCE, triaged.tipId().toString(),
						triaged.tipId(), triaged.triagedAt()))
				.setHeader(KafkaHeaders.KEY, triaged.tipId().toString().getBytes(StandardCharsets.UTF_8))
				.build();
		};
	}
}
