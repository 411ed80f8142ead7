package org.tipline.triage;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.stream.function.StreamBridge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.tipline.events.CloudEventHeaders;
import org.tipline.events.EventType;
import org.tipline.events.TipId;
import org.tipline.events.TipLinked;
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

	/** Declared in application.yml ({@code spring.cloud.stream.output-bindings}), so it is bound at start. */
	static final String LINKED_BINDING = "tipLinked";

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

	/**
	 * Imperative, so a failure is retried and then dead-lettered by the binder instead of ending a reactive
	 * stream. The published event carries the tip as it arrived, still sealed: triage reads the personal fields in
	 * memory only. A tip with a field in the clear or sealed for another tip fails here and is dead-lettered.
	 * <p>
	 * Each earlier tip about the same incident gets a {@link TipLinked}, sent before the triaged tip, each send
	 * waiting for acks=all; the input's offset is committed only once the function returned and the triaged tip
	 * was acknowledged too. If the process dies in between, the tip is delivered and triaged again: its keys are
	 * already in the index, which ignores a tip's own keys, so it finds the earlier tips again and sends their
	 * links again under the same event ids ({@code <earlier>/linked/<later>}, and the tip id for the triaged tip),
	 * which consumers recognise as repeats. So a triaged tip is never published without its links, and a link can
	 * be repeated but not lost.
	 */
	@Bean
	Function<Message<TipReceived>, Message<TipTriaged>> triageTip(Triage triage, TipOpener opener,
			MeterRegistry meters, StreamBridge streamBridge) {
		return (message) -> {
			TipReceived sealed = message.getPayload();
			Triage.Result result = triage.apply(opener.open(sealed));
			TipTriaged read = result.triaged();
			TipTriaged triaged = new TipTriaged(read.tipId(), read.triagedAt(), sealed, read.jurisdiction(),
					read.classification(), read.priority(), read.classifierVersion(), read.linkedTipIds());
			result.linked().forEach((link) -> publishLink(streamBridge, link));
			meters.counter("tipline.triage.tips", "priority", triaged.priority().name(), "trafficking_type",
					triaged.classification().traffickingType().name()).increment();
			return MessageBuilder.withPayload(triaged)
				.copyHeaders(CloudEventHeaders.of(EventType.TIP_TRIAGED, SOURCE, triaged.tipId().toString(),
						triaged.tipId(), triaged.triagedAt()))
				.setHeader(KafkaHeaders.KEY, key(triaged.tipId()))
				.build();
		};
	}

	/**
	 * On a binding of its own, {@value #LINKED_BINDING}: a function has one output, and a link goes to the earlier
	 * tip's partition, keyed by its id.
	 */
	private static void publishLink(StreamBridge streamBridge, TipLinked link) {
		String eventId = link.tipId() + "/linked/" + link.linkedTipId();
		Message<TipLinked> message = MessageBuilder.withPayload(link)
			.copyHeaders(CloudEventHeaders.of(EventType.TIP_LINKED, SOURCE, eventId, link.tipId(), link.linkedAt()))
			.setHeader(KafkaHeaders.KEY, key(link.tipId()))
			.build();
		if (!streamBridge.send(LINKED_BINDING, message)) {
			throw new IllegalStateException("link of tip " + link.tipId() + " to " + link.linkedTipId() + " not sent");
		}
	}

	private static byte[] key(TipId tipId) {
		return tipId.toString().getBytes(StandardCharsets.UTF_8);
	}
}
