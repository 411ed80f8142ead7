package org.tipline.intake.api;

import org.springframework.stereotype.Component;
import org.tipline.events.TipId;
import org.tipline.intake.adapter.Adapter;
import org.tipline.intake.submission.SubmissionLedger;
import org.tipline.intake.submission.TipStatus;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The tips an adapter may reach: those it submitted. Any other id, malformed, unknown or another adapter's, is
 * answered the same way, so no adapter can learn that another adapter's tip exists.
 */
@Component
class OwnTips {

	private final SubmissionLedger ledger;

	OwnTips(SubmissionLedger ledger) {
		this.ledger = ledger;
	}

	/** The adapter's tip, or an {@link UnknownTipException}. */
	Mono<TipStatus> find(Adapter adapter, String tipId) {
		TipId id;
		try {
			id = TipId.parse(tipId);
		}
		catch (IllegalArgumentException ex) {
			return Mono.error(new UnknownTipException());
		}
		return Mono.fromCallable(() -> ledger.statusOf(id, adapter))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(Mono::justOrEmpty)
			.switchIfEmpty(Mono.error(UnknownTipException::new));
	}
}
