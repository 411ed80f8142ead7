package org.tipline.audit.oversight;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The number of tips that entered and have no terminal hop after the grace period, as a gauge an alert can watch:
 * a tip must never silently stop. Counted periodically, as it reads every unfinished tip's history.
 */
@Component
class StuckTipsGauge {

	private static final Logger log = LoggerFactory.getLogger(StuckTipsGauge.class);

	private final OversightQueries queries;

	private final OversightProperties properties;

	private final Clock clock;

	private final AtomicLong stuck = new AtomicLong();

	StuckTipsGauge(OversightQueries queries, OversightProperties properties, Clock clock, MeterRegistry meters) {
		this.queries = queries;
		this.properties = properties;
		this.clock = clock;
		Gauge.builder("tipline.audit.tips.stuck", stuck, AtomicLong::get)
			.description("tips with no terminal hop (delivered, withheld, dead-lettered) after the grace period")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${tipline.audit.completeness.count-interval:60s}", initialDelayString = "5s")
	void count() {
		try {
			stuck.set(OversightReports.incomplete(queries.notDeliveredNorWithheld(), properties.gracePeriod(),
					clock.instant()).size());
		}
		catch (RuntimeException ex) {
			log.warn("Stuck tips not counted, the gauge keeps its last value: {}", ex.getMessage());
		}
	}
}
