package org.tipline.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of intake-service under {@code tipline.intake}.
 *
 * @param maxBodySize largest tip request accepted; larger ones get 413
 * @param retryAfter what a 503 tells the channel adapter to wait before retrying
 * @param topicPartitions partitions of the received-tips topic when intake creates it
 */
@ConfigurationProperties("tipline.intake")
public record IntakeProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("6") int topicPartitions) {
}
