package org.tipline.local;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How many records each service's consumer group has yet to read, per topic: the stage whose lag grows under load
 * is the one holding the pipeline back.
 */
final class ConsumerLag {

	private ConsumerLag() {
	}

	/** Lag by "group topic", summed over partitions, of each of {@code groups}. */
	static Map<String, Long> of(String bootstrap, Set<String> groups) throws ExecutionException, InterruptedException {
		Map<String, Long> lag = new TreeMap<>();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
			for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
				if (!groups.contains(group.groupId())) {
					continue;
				}
				Map<TopicPartition, OffsetAndMetadata> committed = admin
					.listConsumerGroupOffsets(group.groupId())
					.partitionsToOffsetAndMetadata()
					.get();
				Map<TopicPartition, ListOffsetsResultInfo> ends = admin
					.listOffsets(committed.keySet().stream().collect(Collectors.toMap((p) -> p, (p) -> OffsetSpec.latest())))
					.all()
					.get();
				committed.forEach((partition, offset) -> {
					long behind = ends.get(partition).offset() - ((offset != null) ? offset.offset() : 0);
					lag.merge(group.groupId() + " " + partition.topic(), behind, Long::sum);
				});
			}
		}
		return lag;
	}
}
