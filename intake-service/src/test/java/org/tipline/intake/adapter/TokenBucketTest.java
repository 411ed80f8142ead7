package org.tipline.intake.adapter;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketTest {

	private final SettableClock clock = new SettableClock();

	@Test
	void allowsAFullBurstAtOnceThenRefuses() {
		TokenBucket bucket = new TokenBucket(10, 4, clock);

		for (int i = 0; i < 4; i++) {
			assertThat(bucket.take()).isZero();
		}
		assertThat(bucket.take()).isPositive();
	}

	@Test
	void saysHowLongUntilTheNextToken() {
		TokenBucket bucket = new TokenBucket(4, 1, clock);
		bucket.take();

		assertThat(bucket.take()).isEqualTo(Duration.ofMillis(250));

		clock.advance(Duration.ofMillis(100));
		assertThat(bucket.take()).isEqualTo(Duration.ofMillis(150));
	}

	@Test
	void refillsAtTheRate() {
		TokenBucket bucket = new TokenBucket(2, 2, clock);
		bucket.take();
		bucket.take();

		clock.advance(Duration.ofMillis(500));

		assertThat(bucket.take()).isZero();
		assertThat(bucket.take()).isPositive();
	}

	@Test
	void aLongQuietSpellRefillsNoMoreThanTheBurst() {
		TokenBucket bucket = new TokenBucket(100, 3, clock);
		bucket.take();

		clock.advance(Duration.ofHours(1));

		for (int i = 0; i < 3; i++) {
			assertThat(bucket.take()).isZero();
		}
		assertThat(bucket.take()).isPositive();
	}

	@Test
	void aClockSetBackNeitherRefillsNorDrains() {
		TokenBucket bucket = new TokenBucket(1, 2, clock);
		bucket.take();

		clock.advance(Duration.ofMinutes(-5));

		assertThat(bucket.take()).isZero();
		assertThat(bucket.take()).isPositive();
	}

	@Test
	void aFractionalRateWaitsSecondsForAToken() {
		TokenBucket bucket = new TokenBucket(0.2, 1, clock);
		bucket.take();

		assertThat(bucket.take()).isEqualTo(Duration.ofSeconds(5));
	}

	private static final class SettableClock extends Clock {

		private Instant now = Instant.parse("2025-03-01T12:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public Instant instant() {
			return now;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}
	}
}
