package org.tipline.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipline.dispatch.decision.TipDecider;
import org.tipline.dispatch.delivery.DeadlineWatch;
import org.tipline.dispatch.publish.Outbox;

/**
 * The timers of dispatch, kept in the database and checked every second by every instance: consent windows that
 * passed, deadlines that passed undelivered, and decisions a crash left unannounced.
 */
@Component
class DispatchHousekeeping {

	private static final Logger log = LoggerFactory.getLogger(DispatchHousekeeping.class);

	/** An outbox row younger than this may still be published by the thread that wrote it. */
	private static final Duration OUTBOX_GRACE = Duration.ofSeconds(10);

	private final TipDecider decider;

	private final DeadlineWatch deadlines;

	private final Outbox outbox;

	private final Clock clock;

	DispatchHousekeeping(TipDecider decider, DeadlineWatch deadlines, Outbox outbox, Clock clock) {
		this.decider = decider;
		this.deadlines = deadlines;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${tipline.dispatch.housekeeping-interval:1s}")
	void run() {
		Instant now = clock.instant();
		try {
			decider.settleExpiredHolds(now);
			deadlines.raiseBreaches(now);
			outbox.sweep(now.minus(OUTBOX_GRACE));
		}
		catch (RuntimeException ex) {
			log.warn("Housekeeping did not complete, retrying at the next run: {}", ex.getMessage());
		}
	}
}
