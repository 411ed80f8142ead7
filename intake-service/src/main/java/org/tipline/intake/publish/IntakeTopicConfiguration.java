package org.tipline.intake.publish;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.tipline.events.Topics;
import org.tipline.intake.IntakeProperties;

@Configuration(proxyBeanMethods = false)
class IntakeTopicConfiguration {

	@Bean
	NewTopic receivedTopic(IntakeProperties properties) {
		return TopicBuilder.name(Topics.TIPS_RECEIVED).partitions(properties.topicPartitions()).build();
	}

	@Bean
	NewTopic consentTopic(IntakeProperties properties) {
		return TopicBuilder.name(Topics.TIPS_CONSENT).partitions(properties.topicPartitions()).build();
	}
}
