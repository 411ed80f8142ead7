package org.tipline.dispatch;

import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.dispatch.decision.TipDecider;
import org.tipline.events.TipConsentUpdated;
import org.tipline.events.TipTriaged;

@Configuration(proxyBeanMethods = false)
class DispatchFunctions {

	/**
	 * Decides each triaged tip and records the decision and its delivery durably; delivery itself runs from the
	 * database queue, so no retry ever holds up this partition. A record that cannot be decided is dead-lettered.
	 */
	@Bean
	Consumer<TipTriaged> decideForwarding(TipDecider decider) {
		return decider::decide;
	}

	/** Applies a victim's later consent answer: releases or settles a tip held for it. */
	@Bean
	Consumer<TipConsentUpdated> applyConsent(TipDecider decider) {
		return decider::applyConsent;
	}
}
