package org.tipline.triage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code tipline.triage.*}. {@code linking.window}: how far apart two reports of one incident may be received
 * and still be linked. {@code linking.key}: the secret under which incident keys (phone numbers, plates,
 * addresses, names, narrative bands) are digested before they are stored; every triage instance must share it,
 * and changing it starts the index afresh. The default is for local use only. {@code topic-partitions}: the
 * partitions of the topics triage creates if they do not exist ({@code tips.triaged.v1}, {@code tips.linked.v1}).
 */
@ConfigurationProperties("tipline.triage")
record TriageProperties(@DefaultValue Linking linking, @DefaultValue("6") int topicPartitions) {

	record Linking(@DefaultValue("30d") Duration window, @DefaultValue("local-only-link-key") String key) {
	}
}
