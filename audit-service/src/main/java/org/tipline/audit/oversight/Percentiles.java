package org.tipline.audit.oversight;

import java.util.List;

/**
 * Nearest-rank percentiles: the p-th percentile of n sorted values is the one at rank ceil(p/100 * n). Always a
 * latency that really happened, never an interpolation between two. Public because the dashboard's latency over
 * time uses the same definition as the oversight answers.
 */
public final class Percentiles {

	private Percentiles() {
	}

	/** {@code sorted} ascending; null when there are no values. */
	public static Long of(List<Long> sorted, int percentile) {
		if (sorted.isEmpty()) {
			return null;
		}
		int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
		return sorted.get(Math.max(rank, 1) - 1);
	}
}
