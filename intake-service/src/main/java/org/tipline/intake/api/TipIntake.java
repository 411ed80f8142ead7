package org.tipline.intake.api;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.tipline.events.Channel;
import org.tipline.intake.adapter.Adapter;
import org.tipline.intake.publish.PublishFailedException;
import org.tipline.intake.publish.TipPublisher;
import org.tipline.intake.submission.Submission;
import org.tipline.intake.submission.SubmissionLedger;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Accepts a valid submission exactly once per adapter: a message the same adapter sent before gets its earlier
 * receipt and publishes nothing; a new one is published first and recorded only after Kafka acknowledged it, so a
 * receipt always names a tip that Kafka holds.
 */
@Component
class TipIntake {

	private final SubmissionLedger ledger;

	private final TipPublisher publisher;

	private final Clock clock;

	private final MeterRegistry meters;

	TipIntake(SubmissionLedger ledger, TipPublisher publisher, Clock clock, MeterRegistry meters) {
		this.ledger = ledger;
		this.publisher = publisher;
		this.clock = clock;
		this.meters = meters;
	}

	Mono<Submission> accept(Adapter adapter, TipSubmission tip) {
		Channel channel = tip.parsedChannel();
		return Mono.fromCallable(() -> ledger.find(adapter, channel, tip.channelMessageId()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap((earlier) -> earlier.map((submission) -> counted("tipline.intake.tips.duplicate", channel, submission))
				.orElseGet(() -> acceptNew(adapter, tip, channel)));
	}

	private Mono<Submission> acceptNew(Adapter adapter, TipSubmission tip, Channel channel) {
		Submission submission = new Submission(Submission.tipIdOf(adapter, channel, tip.channelMessageId()),
				clock.instant());
		return publisher.publish(tip.toEvent(submission.tipId(), submission.receivedAt()))
			.doOnError(PublishFailedException.class, (ex) -> meters.counter("tipline.intake.publish.failures").increment())
			.then(Mono.fromCallable(() -> ledger.record(adapter, channel, tip.channelMessageId(), submission))
				.subscribeOn(Schedulers.boundedElastic()))
			.flatMap((recorded) -> counted("tipline.intake.tips.received", channel, recorded));
	}

	private Mono<Submission> counted(String metric, Channel channel, Submission submission) {
		meters.counter(metric, "channel", channel.name()).increment();
		return Mono.just(submission);
	}
}
