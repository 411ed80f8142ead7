package org.tipline.audit.checkpoint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the log signs a checkpoint: once {@code everyEntries} entries were appended since the last one, or once
 * {@code interval} passed with any entry not yet covered, whichever comes first. No entries, no checkpoint.
 */
@ConfigurationProperties("tipline.audit.checkpoint")
record CheckpointProperties(@DefaultValue("100") long everyEntries, @DefaultValue("60s") Duration interval) {

	CheckpointProperties {
		if (everyEntries < 1) {
			throw new IllegalArgumentException("tipline.audit.checkpoint.every-entries must be at least 1");
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("tipline.audit.checkpoint.interval must be positive");
		}
	}
}
