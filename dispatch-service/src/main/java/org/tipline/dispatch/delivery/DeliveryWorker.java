package org.tipline.dispatch.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.tipline.dispatch.endpoint.OutboundProperties;
import org.tipline.dispatch.endpoint.StateEndpoints;
import org.tipline.dispatch.publish.DispatchEvents;
import org.tipline.events.DeliveryOutcome;
import org.tipline.events.EventType;
import org.tipline.events.TipDeliveryAttempted;
import org.tipline.security.UnsealedFieldException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers what the queue holds, as fast as endpoints accept it: claims due deliveries earliest deadline first
 * up to the free sending slots, sends each on its own thread so a slow endpoint or a retry never holds up another
 * tip, and records every attempt. Woken when a delivery is added or finished, and polls otherwise.
 */
@Component
public class DeliveryWorker implements SmartLifecycle, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

	/**
	 * Explicit buckets rather than Micrometer's percentile histogram: fine below a second for the p99 target, and
	 * one at each default deadline (15 min, 1 h, 24 h, 72 h) so the share within deadline is exact, at a bounded
	 * number of series per state and priority.
	 */
	private static final Duration[] LATENCY_BUCKETS = { Duration.ofMillis(50), Duration.ofMillis(100),
			Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
			Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(30), Duration.ofHours(1),
			Duration.ofHours(6), Duration.ofHours(24), Duration.ofHours(72) };

	private final DeliveryQueue queue;

	private final EndpointStatus endpointStatus;

	private final StateEndpoints endpoints;

	private final DeliveryProperties properties;

	private final DispatchEvents events;

	private final MeterRegistry meters;

	private final Clock clock;

	private final WebhookSender sender;

	private final RetrySchedule schedule;

	private final EndpointGuard guard;

	private final DeliveryTrace trace;

	private final DeliveryBodies bodies;

	private final Semaphore slots;

	private final Semaphore wake = new Semaphore(0);

	private volatile boolean running;

	private ExecutorService senders;

	private Thread loop;

	DeliveryWorker(DeliveryQueue queue, EndpointStatus endpointStatus, StateEndpoints endpoints,
			DeliveryProperties properties, OutboundProperties outbound, DispatchEvents events, JsonMapper json,
			MeterRegistry meters, DeliveryTrace trace, DeliveryBodies bodies, Clock clock) {
		this.queue = queue;
		this.bodies = bodies;
		this.endpointStatus = endpointStatus;
		this.endpoints = endpoints;
		this.properties = properties;
		this.events = events;
		this.meters = meters;
		this.trace = trace;
		this.clock = clock;
		this.sender = new WebhookSender(properties.connectTimeout(), properties.requestTimeout(),
				properties.concurrency(), !outbound.allowInsecureLocalEndpoints(), null, json, clock);
		this.schedule = new RetrySchedule(properties.initialBackoff(), properties.maxBackoff(),
				properties.maxRetryAfter());
		this.guard = new EndpointGuard(properties.circuitBreakerFailures(), properties.circuitBreakerCoolDown(),
				endpoints.rateLimitPerSecond());
		this.slots = new Semaphore(properties.concurrency());
	}

	/** Something may be due: look now rather than at the next poll. */
	public void wakeUp() {
		wake.release();
	}

	@Override
	public void start() {
		AtomicInteger threads = new AtomicInteger();
		senders = Executors.newFixedThreadPool(properties.concurrency(), (task) -> {
			Thread thread = new Thread(task, "delivery-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		running = true;
		loop = new Thread(this::run, "delivery-queue");
		loop.start();
	}

	@Override
	public void stop() {
		running = false;
		wake.release();
		try {
			loop.join(properties.pollInterval().toMillis() + 5_000);
			senders.shutdown();
			senders.awaitTermination(properties.requestTimeout().toSeconds() + 5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Connections to endpoints are closed when the application context is, after the last attempt. */
	@Override
	public void destroy() {
		sender.close();
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try {
				claimAndSend();
			}
			catch (RuntimeException ex) {
				log.warn("Delivery queue not available, retrying: {}", ex.getMessage());
			}
			try {
				wake.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
				wake.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void claimAndSend() {
		Instant now = clock.instant();
		List<Delivery> claimed = queue.claimDue(slots.availablePermits(), now, now.plus(properties.lease()),
				guard.openCircuits(now));
		for (Delivery delivery : claimed) {
			slots.acquireUninterruptibly();
			senders.execute(() -> {
				try {
					attempt(delivery);
				}
				catch (RuntimeException ex) {
					log.warn("Delivery {} attempt not recorded, retried after its lease: {}", delivery.deliveryId(),
							ex.getMessage());
				}
				finally {
					slots.release();
					wake.release();
				}
			});
		}
	}

	void attempt(Delivery delivery) {
		trace.continueTrace(delivery.traceparent(), "deliver tip",
				(traceHeaders) -> attemptInTrace(delivery, traceHeaders));
	}

	private void attemptInTrace(Delivery delivery, Map<String, String> traceHeaders) {
		Instant attemptedAt = clock.instant();
		Duration wait = guard.acquire(delivery.endpoint(), attemptedAt);
		if (wait != null) {
			queue.release(delivery.deliveryId(), attemptedAt.plus(wait));
			return;
		}
		AttemptResult result = send(delivery, traceHeaders);
		int attempt = delivery.attempts() + 1;
		events.publish(EventType.TIP_DELIVERY_ATTEMPTED, delivery.deliveryId() + "/" + attempt, delivery.tipId(),
				attemptedAt,
				new TipDeliveryAttempted(delivery.tipId(), delivery.deliveryId(), attempt, attemptedAt,
						delivery.endpoint(), result.delivered() ? DeliveryOutcome.DELIVERED : DeliveryOutcome.FAILED,
						result.status(), result.latencyMillis(), errorOf(result), result.caseNumber()));
		Instant finished = clock.instant();
		meters.counter("tipline.dispatch.delivery.attempts", "endpoint", delivery.endpoint(), "outcome",
				result.delivered() ? "delivered" : "failed").increment();
		if (result.delivered()) {
			queue.markDelivered(delivery.deliveryId(), attempt, finished, result.status(), result.caseNumber());
			if (guard.succeeded(delivery.endpoint(), finished)) {
				queue.dueTogether(delivery.endpoint(), finished, finished);
				wakeUp();
			}
			recordLatency(delivery, finished);
			return;
		}
		if (result.gone()) {
			endpointStatus.disable(delivery.endpoint(), finished, "410 Gone");
			log.error("ALERT endpoint {} answered 410 Gone and is disabled; its deliveries wait until an operator "
					+ "enables it again (POST /v1/dispatch/endpoints/{}/enable)", delivery.endpoint(), delivery.endpoint());
		}
		if (guard.recoveredSince(delivery.endpoint(), attemptedAt)) {
			// sent while the endpoint was still down, failed after it came back: due again now, with the others
			queue.retryLater(delivery.deliveryId(), attempt, finished, result.status(), errorOf(result));
			return;
		}
		Instant pausedUntil = guard.failed(delivery.endpoint(), finished);
		Instant next = schedule.nextAttempt(attempt, finished, result.retryAfter());
		if (pausedUntil != null && !next.isAfter(pausedUntil)) {
			next = pausedUntil;
			queue.dueTogether(delivery.endpoint(), pausedUntil, finished);
		}
		queue.retryLater(delivery.deliveryId(), attempt, next, result.status(), errorOf(result));
	}

	private AttemptResult send(Delivery delivery, Map<String, String> traceHeaders) {
		URI url = endpoints.urlOf(delivery.endpoint());
		if (url == null) {
			return new AttemptResult(null, 0, null, null, "no URL configured for " + delivery.endpoint());
		}
		List<String> secrets;
		try {
			secrets = endpoints.secretsOf(delivery.endpoint());
		}
		catch (IllegalStateException ex) {
			return new AttemptResult(null, 0, null, null, ex.getMessage());
		}
		String body;
		try {
			body = bodies.open(delivery.body());
		}
		catch (UnsealedFieldException ex) {
			// the keyset lacks the key this tip was sealed under (a rotation rolled out in the wrong order); the
			// delivery waits, retried, until dispatch has it
			return new AttemptResult(null, 0, null, null, ex.getMessage());
		}
		return sender.send(url, endpoints.tlsOf(delivery.endpoint()), delivery.deliveryId(), body, secrets,
				traceHeaders);
	}

	private void recordLatency(Delivery delivery, Instant deliveredAt) {
		Timer.builder("tipline.delivery.latency")
			.description("time from intake to delivery at the state endpoint")
			.tags("state", (delivery.state() != null) ? delivery.state().value() : "none", "priority",
					delivery.priority().name())
			.serviceLevelObjectives(LATENCY_BUCKETS)
			.register(meters)
			.record(Duration.between(delivery.receivedAt(), deliveredAt));
	}

	private static String errorOf(AttemptResult result) {
		if (result.error() != null) {
			return result.error();
		}
		return result.delivered() ? null : "HTTP " + result.status();
	}
}
