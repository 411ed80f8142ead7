package org.tipline.dispatch.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

	private final RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(500), Duration.ofMinutes(5),
			Duration.ofHours(1));

	private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

	@RepeatedTest(20)
	void backOffDoublesWithJitterUpToTheCap() {
		assertThat(schedule.backoff(1)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
		assertThat(schedule.backoff(2)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
		assertThat(schedule.backoff(5)).isBetween(Duration.ofMillis(4000), Duration.ofMillis(8000));
		assertThat(schedule.backoff(40)).isBetween(Duration.ofMinutes(2).plusSeconds(30), Duration.ofMinutes(5));
	}

	@Test
	void waitsAtLeastWhatRetryAfterAsked() {
		assertThat(schedule.nextAttempt(1, now, Duration.ofSeconds(30))).isEqualTo(now.plusSeconds(30));
	}

	@Test
	void capsARetryAfterThatAsksTooMuch() {
		assertThat(schedule.nextAttempt(1, now, Duration.ofDays(3))).isEqualTo(now.plus(Duration.ofHours(1)));
	}
}
