package org.tipline.audit.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tipline.audit.oversight.Percentiles;

/**
 * Intake-to-delivery latency per state over time: tips are put in the interval they were first delivered in,
 * and each interval gets nearest-rank p50/p95/p99, as the oversight answers compute them. Plain Java.
 */
final class LatencyBuckets {

	/** More intervals than this is a request no chart can show; it is refused rather than computed. */
	static final int MAX_BUCKETS = 1000;

	private LatencyBuckets() {
	}

	/** A tip delivered in the window: its state, when intake received it and when its state acknowledged it. */
	record DeliveredTip(String state, Instant receivedAt, Instant deliveredAt) {

		long latencyMillis() {
			return deliveredAt.toEpochMilli() - receivedAt.toEpochMilli();
		}
	}

	/** The window the buckets cover: [from, to), from aligned down to a multiple of the bucket since the epoch. */
	record Window(Instant from, Instant to, Duration bucket) {

		Window {
			if (bucket.compareTo(Duration.ofSeconds(1)) < 0) {
				throw new IllegalArgumentException("bucket must be at least one second");
			}
			if (!from.isBefore(to)) {
				throw new IllegalArgumentException("from must be before to");
			}
			long size = bucket.toMillis();
			from = Instant.ofEpochMilli(Math.floorDiv(from.toEpochMilli(), size) * size);
			if ((to.toEpochMilli() - from.toEpochMilli() + size - 1) / size > MAX_BUCKETS) {
				throw new IllegalArgumentException("more than " + MAX_BUCKETS + " buckets: choose a larger bucket");
			}
		}

		Instant bucketOf(Instant at) {
			long size = bucket.toMillis();
			return from.plusMillis(Math.floorDiv(at.toEpochMilli() - from.toEpochMilli(), size) * size);
		}
	}

	/** One interval with deliveries in it; intervals with none are left out. */
	record Point(Instant start, int delivered, Long p50Millis, Long p95Millis, Long p99Millis) {
	}

	/** A state's intervals, oldest first, and how many of its tips were delivered in the whole window. */
	record StateSeries(String state, int delivered, List<Point> points) {
	}

	record LatencyOverTime(Instant from, Instant to, Duration bucket, List<StateSeries> states) {
	}

	/** {@code tips} delivered in the window; states in alphabetical order. */
	static LatencyOverTime of(Window window, List<DeliveredTip> tips) {
		Map<String, Map<Instant, List<Long>>> byState = new TreeMap<>();
		for (DeliveredTip tip : tips) {
			if (tip.deliveredAt().isBefore(window.from()) || !tip.deliveredAt().isBefore(window.to())) {
				continue;
			}
			byState.computeIfAbsent(tip.state(), (state) -> new TreeMap<>())
				.computeIfAbsent(window.bucketOf(tip.deliveredAt()), (start) -> new ArrayList<>())
				.add(tip.latencyMillis());
		}
		List<StateSeries> states = new ArrayList<>();
		byState.forEach((state, buckets) -> {
			List<Point> points = new ArrayList<>();
			buckets.forEach((start, latencies) -> {
				List<Long> sorted = latencies.stream().sorted().toList();
				points.add(new Point(start, sorted.size(), Percentiles.of(sorted, 50), Percentiles.of(sorted, 95),
						Percentiles.of(sorted, 99)));
			});
			states.add(new StateSeries(state, points.stream().mapToInt(Point::delivered).sum(), points));
		});
		return new LatencyOverTime(window.from(), window.to(), window.bucket(), states);
	}
}
