package org.tipline.audit.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tipline.audit.dashboard.LatencyBuckets.DeliveredTip;
import org.tipline.audit.dashboard.LatencyBuckets.LatencyOverTime;
import org.tipline.audit.dashboard.LatencyBuckets.Point;
import org.tipline.audit.dashboard.LatencyBuckets.Window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LatencyBucketsTest {

	private static final Instant T = Instant.parse("2026-11-28T10:00:00Z");

	private static DeliveredTip tip(String state, Instant received, int latencyMinutes) {
		return new DeliveredTip(state, received, received.plus(Duration.ofMinutes(latencyMinutes)));
	}

	@Test
	void putsEachTipInTheIntervalItWasDeliveredInWithNearestRankPercentilesPerState() {
		Window window = new Window(T, T.plus(Duration.ofHours(3)), Duration.ofHours(1));
		LatencyOverTime answer = LatencyBuckets.of(window, List.of(tip("VT", T, 10), tip("VT", T, 20),
				tip("VT", T.plusSeconds(600), 30), tip("VT", T.plusSeconds(60), 100), tip("NM", T.plusSeconds(7200), 5)));

		assertThat(answer.states()).extracting(LatencyBuckets.StateSeries::state).containsExactly("NM", "VT");
		LatencyBuckets.StateSeries vermont = answer.states().get(1);
		assertThat(vermont.delivered()).isEqualTo(4);
		// 10, 20 and 30 minutes were delivered in the first hour, 100 minutes in the second
		assertThat(vermont.points()).containsExactly(
				new Point(T, 3, 20 * 60_000L, 30 * 60_000L, 30 * 60_000L),
				new Point(T.plus(Duration.ofHours(1)), 1, 100 * 60_000L, 100 * 60_000L, 100 * 60_000L));
		assertThat(answer.states().get(0).points())
			.containsExactly(new Point(T.plus(Duration.ofHours(2)), 1, 5 * 60_000L, 5 * 60_000L, 5 * 60_000L));
	}

	@Test
	void alignsTheWindowToWholeIntervalsAndLeavesOutDeliveriesOutsideIt() {
		Window window = new Window(T.plusSeconds(1234), T.plus(Duration.ofHours(2)), Duration.ofMinutes(15));
		assertThat(window.from()).isEqualTo(T.plus(Duration.ofMinutes(15)));

		LatencyOverTime answer = LatencyBuckets.of(window, List.of(tip("VT", T, 14), tip("VT", T, 16),
				tip("VT", T.plus(Duration.ofHours(1)), 60)));
		assertThat(answer.states()).hasSize(1);
		assertThat(answer.states().get(0).points()).extracting(Point::start).containsExactly(T.plus(Duration.ofMinutes(15)));
	}

	@Test
	void refusesAnEmptyWindowATinyBucketAndMoreIntervalsThanAChartCanShow() {
		assertThatThrownBy(() -> new Window(T, T, Duration.ofHours(1))).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Window(T, T.plusSeconds(60), Duration.ofMillis(10)))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Window(T, T.plus(Duration.ofDays(30)), Duration.ofMinutes(1)))
			.hasMessageContaining("more than 1000 buckets");
	}

	@Test
	void noDeliveriesGiveNoStates() {
		assertThat(LatencyBuckets.of(new Window(T, T.plusSeconds(3600), Duration.ofMinutes(5)), List.of()).states())
			.isEmpty();
	}
}
