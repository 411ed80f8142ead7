package org.tipline.dispatch.operations;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipline.dispatch.decision.TipDecider;
import org.tipline.dispatch.delivery.DeliveryQueue;
import org.tipline.dispatch.delivery.EndpointStatus;

/**
 * What an analyst watches for stuck tips: held tips, undelivered deliveries, disabled endpoints and dead letters,
 * as gauges. The database ones are read at each scrape; the dead-letter count needs the broker and is refreshed
 * periodically instead.
 */
@Component
class DispatchGauges {

	private static final Logger log = LoggerFactory.getLogger(DispatchGauges.class);

	private final DeadLetters deadLetters;

	private final AtomicLong deadLetterCount = new AtomicLong();

	DispatchGauges(MeterRegistry meters, TipDecider decider, DeliveryQueue queue, EndpointStatus endpoints,
			DeadLetters deadLetters) {
		this.deadLetters = deadLetters;
		Gauge.builder("tipline.dispatch.held.tips", decider, TipDecider::countHeld)
			.description("tips held for the victim's consent")
			.register(meters);
		Gauge.builder("tipline.dispatch.undelivered.tips", queue, DeliveryQueue::countUndelivered)
			.description("deliveries not yet acknowledged by their endpoint")
			.register(meters);
		Gauge.builder("tipline.dispatch.endpoints.disabled", endpoints, (status) -> status.disabled().size())
			.description("endpoints disabled after a 410 Gone, waiting for an operator")
			.register(meters);
		Gauge.builder("tipline.dispatch.dead.letters", deadLetterCount, AtomicLong::get)
			.description("records on dispatch's dead-letter topics")
			.register(meters);
	}

	@Scheduled(fixedDelayString = "${tipline.dispatch.dead-letter-count-interval:30s}")
	void countDeadLetters() {
		try {
			deadLetterCount.set(deadLetters.count());
		}
		catch (RuntimeException ex) {
			log.warn("Dead letters not counted, the gauge keeps its last value: {}", ex.getMessage());
		}
	}
}
