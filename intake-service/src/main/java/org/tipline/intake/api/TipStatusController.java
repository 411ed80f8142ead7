package org.tipline.intake.api;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.tipline.intake.adapter.Adapter;
import org.tipline.intake.submission.TipStatus;
import reactor.core.publisher.Mono;

/** A tip as intake knows it, read back by the adapter that submitted it. */
@RestController
class TipStatusController {

	private final OwnTips tips;

	TipStatusController(OwnTips tips) {
		this.tips = tips;
	}

	@GetMapping(path = "/v1/tips/{tipId}", produces = MediaType.APPLICATION_JSON_VALUE)
	Mono<TipStatus> status(@RequestAttribute(Adapter.ATTRIBUTE) Adapter adapter, @PathVariable String tipId) {
		return tips.find(adapter, tipId);
	}
}
