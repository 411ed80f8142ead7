package org.tipline.dispatch.delivery;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EndpointGuardTest {

	private final Instant now = Instant.parse("2026-11-29T10:00:00Z");

	@Test
	void opensTheCircuitAfterConsecutiveFailuresForTheCoolDown() {
		EndpointGuard guard = new EndpointGuard(3, Duration.ofSeconds(30), 100);
		guard.failed("FL", now);
		guard.failed("FL", now);
		assertThat(guard.openCircuits(now)).isEmpty();

		guard.failed("FL", now);

		assertThat(guard.openCircuits(now)).containsExactly("FL");
		assertThat(guard.openCircuits(now.plusSeconds(31))).isEmpty();
	}

	@Test
	void aSuccessClosesTheCircuitAndResetsTheCount() {
		EndpointGuard guard = new EndpointGuard(2, Duration.ofSeconds(30), 100);
		guard.failed("TX", now);
		guard.succeeded("TX", now);
		guard.failed("TX", now);

		assertThat(guard.openCircuits(now)).isEmpty();
	}

	@Test
	void saysUntilWhenAnEndpointIsPausedAndWhenASuccessEndsThePause() {
		EndpointGuard guard = new EndpointGuard(2, Duration.ofSeconds(30), 100);
		assertThat(guard.failed("NV", now)).isNull();
		assertThat(guard.failed("NV", now)).isEqualTo(now.plusSeconds(30));
		assertThat(guard.succeeded("NV", now.plusSeconds(40))).as("the pause ends: its deliveries go again, earliest "
				+ "deadline first").isTrue();
		assertThat(guard.succeeded("NV", now.plusSeconds(41))).isFalse();
		assertThat(guard.recoveredSince("NV", now.plusSeconds(39))).as("an attempt sent before it came back").isTrue();
		assertThat(guard.recoveredSince("NV", now.plusSeconds(40))).isFalse();
	}

	@Test
	void oneFailingDeliveryAmongSuccessesIsNoPause() {
		EndpointGuard guard = new EndpointGuard(2, Duration.ofSeconds(30), 100);
		guard.failed("UT", now);
		assertThat(guard.succeeded("UT", now)).isFalse();
		assertThat(guard.recoveredSince("UT", now.minusSeconds(1))).isFalse();
	}

	@Test
	void rateLimitHandsOutTokensAndSaysHowLongToWait() {
		EndpointGuard guard = new EndpointGuard(5, Duration.ofSeconds(30), 2);

		assertThat(guard.acquire("GA", now)).isNull();
		assertThat(guard.acquire("GA", now)).isNull();
		assertThat(guard.acquire("GA", now)).isEqualTo(Duration.ofMillis(500));
		assertThat(guard.acquire("GA", now.plusMillis(500))).isNull();
		assertThat(guard.acquire("OH", now)).as("each endpoint has its own bucket").isNull();
	}
}
