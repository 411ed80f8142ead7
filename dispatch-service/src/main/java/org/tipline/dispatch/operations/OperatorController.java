package org.tipline.dispatch.operations;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.dispatch.delivery.DeliveryQueue;
import org.tipline.dispatch.delivery.DeliveryWorker;
import org.tipline.dispatch.delivery.EndpointStatus;
import org.tipline.dispatch.publish.DispatchEvents;
import org.tipline.events.EventType;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipReplayed;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * What an operator needs when tips do not flow: what is stuck, what was dead-lettered, and a way to replay. Only
 * operators reach it ({@link OperatorGate}); what changes something is logged with the operator's name.
 */
@RestController
class OperatorController {

	private static final Logger log = LoggerFactory.getLogger(OperatorController.class);

	private final DeliveryQueue queue;

	private final DeadLetters deadLetters;

	private final EndpointStatus endpointStatus;

	private final DeliveryWorker worker;

	private final DispatchEvents events;

	private final Clock clock;

	OperatorController(DeliveryQueue queue, DeadLetters deadLetters, EndpointStatus endpointStatus,
			DeliveryWorker worker, DispatchEvents events, Clock clock) {
		this.queue = queue;
		this.deadLetters = deadLetters;
		this.endpointStatus = endpointStatus;
		this.worker = worker;
		this.events = events;
		this.clock = clock;
	}

	@GetMapping("/v1/dispatch/undelivered")
	Mono<List<DeliveryQueue.Undelivered>> undelivered(@RequestParam(required = false) String state,
			@RequestParam(defaultValue = "500") int limit) {
		String checked = (state != null) ? checkedState(state) : null;
		return blocking(() -> queue.undelivered(checked, Math.min(Math.max(limit, 1), 5000)));
	}

	@GetMapping("/v1/dispatch/dead-letters")
	Mono<List<DeadLetters.DeadLetter>> deadLetters() {
		return blocking(deadLetters::list);
	}

	@GetMapping("/v1/dispatch/endpoints")
	Mono<Map<String, List<EndpointStatus.Disabled>>> endpoints() {
		return blocking(() -> Map.of("disabled", endpointStatus.disabled()));
	}

	@PostMapping("/v1/dispatch/endpoints/{endpoint}/enable")
	Mono<Map<String, Object>> enable(@PathVariable String endpoint,
			@RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
		return blocking(() -> {
			if (!endpointStatus.enable(endpoint)) {
				throw new ResponseStatusException(HttpStatus.NOT_FOUND, "endpoint " + endpoint + " is not disabled");
			}
			log.info("Operator {} enabled endpoint {}; its waiting deliveries are sent, earliest deadline first",
					operator.name(), endpoint);
			worker.wakeUp();
			return Map.of("endpoint", endpoint, "enabled", true);
		});
	}

	/** One tip ({@code tipId}), or a state's tips received in a period ({@code state}, {@code from}, {@code to}). */
	record ReplayRequest(String tipId, String state, Instant from, Instant to) {
	}

	record ReplayResult(List<DeliveryQueue.Undelivered> deliveries, List<DeadLetters.DeadLetter> deadLetters) {
	}

	/**
	 * Makes undelivered deliveries due now and puts dead-lettered records back on their topics. Safe to repeat:
	 * delivered tips are not sent again and a decided tip is not decided again. Every replay is announced with the
	 * operator's name, so the audit log shows which tip was replayed, when and by whom.
	 */
	@PostMapping("/v1/dispatch/replay")
	Mono<ReplayResult> replay(@RequestBody ReplayRequest request,
			@RequestAttribute(Operator.ATTRIBUTE) Operator operator) {
		TipId tipId = (request.tipId() != null) ? parse(request.tipId()) : null;
		String state = (request.state() != null) ? checkedState(request.state()) : null;
		if (tipId == null && state == null) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "name a tipId, or a state with from and to");
		}
		return blocking(() -> {
			Instant now = clock.instant();
			List<DeliveryQueue.Undelivered> due = queue.replay(tipId, state, request.from(), request.to(), now);
			List<DeadLetters.DeadLetter> letters = (tipId != null) ? deadLetters.replay(tipId.toString(), null, null)
					: deadLetters.replay(null, request.from(), request.to());
			List<TipReplayed> replayed = new ArrayList<>();
			due.forEach((d) -> replayed.add(new TipReplayed(d.tipId(), now, "DELIVERY", d.deliveryId(), operator.name())));
			letters.stream()
				.filter((letter) -> letter.tipId() != null)
				.forEach((letter) -> replayed.add(new TipReplayed(parse(letter.tipId()), now, "DEAD_LETTER",
						letter.reference(), operator.name())));
			for (TipReplayed event : replayed) {
				events.publish(EventType.TIP_REPLAYED, event.reference() + "/replay/" + now.toEpochMilli(), event.tipId(),
						now, event);
				log.info("Operator {} replayed tip {}: {} {}", operator.name(), event.tipId(), event.what(),
						event.reference());
			}
			worker.wakeUp();
			return new ReplayResult(due, letters);
		});
	}

	private static String checkedState(String state) {
		if (!StateCode.isValid(state)) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "state must be a USPS code such as FL");
		}
		return state;
	}

	private static TipId parse(String tipId) {
		try {
			return TipId.parse(tipId);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "tipId must be a UUID");
		}
	}

	private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}
}
