package org.tipline.audit.checkpoint;

import java.time.Duration;
import java.time.Instant;

/** Whether the log is due a checkpoint: enough entries, or old enough ones, not yet covered by a signature. */
record CheckpointPolicy(long everyEntries, Duration interval) {

	/**
	 * @param size entries in the log now
	 * @param signedSize the tree size of the latest checkpoint (0 when none)
	 * @param since when the latest checkpoint was issued, or when this instance started if later
	 */
	boolean isDue(long size, long signedSize, Instant since, Instant now) {
		long unsigned = size - signedSize;
		return unsigned > 0 && (unsigned >= everyEntries || !now.isBefore(since.plus(interval)));
	}
}
