package org.tipline.dispatch.publish;

import java.util.stream.Stream;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.tipline.events.EventType;

/** The topics dispatch publishes to, created at start if they do not exist, as the binder creates those it reads. */
@Configuration(proxyBeanMethods = false)
class DispatchTopics {

	@Bean
	KafkaAdmin.NewTopics publishedTopics(@Value("${tipline.dispatch.topic-partitions:6}") int partitions) {
		return new KafkaAdmin.NewTopics(Stream
			.of(EventType.TIP_DECIDED, EventType.TIP_DELIVERY_ATTEMPTED, EventType.TIP_SLA_BREACHED,
					EventType.TIP_REPLAYED)
			.map((type) -> TopicBuilder.name(DispatchEvents.topicOf(type)).partitions(partitions).build())
			.toArray(NewTopic[]::new));
	}
}
