package org.tipline.audit.checkpoint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the log signs a checkpoint: once {@code everyEntries} entries were appended since the last one, or once
 * {@code interval} passed with any entry not yet covered, whichever comes first. No entries, no checkpoint. Signing
 * costs the same whatever the load (an Ed25519 signature takes the JDK about 0.6 ms here), so the default counts
 * 1,000 entries: at 100 tips/s, about six entries a tip, that is a checkpoint every second or two instead of six a
 * second, and at 1,000 tips/s six a second instead of sixty.
 */
@ConfigurationProperties("tipline.audit.checkpoint")
record CheckpointProperties(@DefaultValue("1000") long everyEntries, @DefaultValue("60s") Duration interval) {

	CheckpointProperties {
		if (everyEntries < 1) {
			throw new IllegalArgumentException("tipline.audit.checkpoint.every-entries must be at least 1");
		}
		if (interval.isNegative() || interval.isZero()) {
			throw new IllegalArgumentException("tipline.audit.checkpoint.interval must be positive");
		}
	}
}
