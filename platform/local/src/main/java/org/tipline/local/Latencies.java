package org.tipline.local;

import java.util.Arrays;

/** Latencies recorded by many threads, in microseconds, with percentiles over everything recorded. */
final class Latencies {

	private long[] values = new long[1 << 16];

	private int size;

	synchronized void record(long micros) {
		if (size == values.length) {
			values = Arrays.copyOf(values, size * 2);
		}
		values[size++] = micros;
	}

	synchronized int count() {
		return size;
	}

	/** The value at or below which {@code percent} of the recorded values lie, in milliseconds. */
	synchronized double percentileMillis(double percent) {
		if (size == 0) {
			return Double.NaN;
		}
		long[] sorted = Arrays.copyOf(values, size);
		Arrays.sort(sorted);
		int index = (int) Math.ceil(percent / 100.0 * size) - 1;
		return sorted[Math.max(0, Math.min(size - 1, index))] / 1000.0;
	}
}
