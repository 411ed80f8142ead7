package org.tipline.dispatch.delivery;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.tipline.dispatch.endpoint.StateEndpoints;
import org.tipline.dispatch.publish.DispatchEvents;
import org.tipline.events.EventType;
import org.tipline.events.Priority;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;
import org.tipline.events.TipSlaBreached;

/**
 * Raises an SLA breach, once, for every tip still undelivered at its deadline, and where the state configured an
 * escalation endpoint queues a copy there too. The tip itself keeps being retried.
 */
@Component
public class DeadlineWatch {

	private final JdbcClient jdbc;

	private final DispatchEvents events;

	private final DeliveryQueue queue;

	private final StateEndpoints endpoints;

	private final MeterRegistry meters;

	DeadlineWatch(JdbcClient jdbc, DispatchEvents events, DeliveryQueue queue, StateEndpoints endpoints,
			MeterRegistry meters) {
		this.jdbc = jdbc;
		this.events = events;
		this.queue = queue;
		this.endpoints = endpoints;
		this.meters = meters;
	}

	private record Overdue(String deliveryId, TipId tipId, String endpoint, StateCode state, Priority priority,
			Instant receivedAt, Instant deadline, String body, String traceparent) {
	}

	/**
	 * The breach is published before it is marked, in one transaction with the rows locked: a crash in between
	 * publishes it again with the same event id rather than never.
	 */
	@Transactional
	public int raiseBreaches(Instant now) {
		List<Overdue> overdue = jdbc.sql("""
				SELECT delivery_id, tip_id, endpoint, state, priority, received_at, deadline, body, traceparent FROM delivery
				WHERE status = 'PENDING' AND breached_at IS NULL AND deadline < ? AND endpoint NOT LIKE '%/escalation'
				ORDER BY deadline LIMIT 100 FOR UPDATE SKIP LOCKED""")
			.param(Timestamp.from(now))
			.query((rs, row) -> new Overdue(rs.getString(1), new TipId(rs.getObject(2, UUID.class)), rs.getString(3),
					(rs.getString(4) != null) ? StateCode.of(rs.getString(4)) : null, Priority.valueOf(rs.getString(5)),
					rs.getTimestamp(6).toInstant(), rs.getTimestamp(7).toInstant(), rs.getString(8), rs.getString(9)))
			.list();
		for (Overdue late : overdue) {
			events.publish(EventType.TIP_SLA_BREACHED, late.deliveryId() + "/breach", late.tipId(), now,
					new TipSlaBreached(late.tipId(), late.deliveryId(), late.endpoint(), late.state(), late.priority(),
							late.deadline(), now));
			if (late.state() != null && endpoints.hasEscalation(late.state().value())) {
				String escalation = StateEndpoints.escalationOf(late.state().value());
				queue.enqueue(StateDelivery.deliveryIdOf(late.tipId(), escalation), late.tipId(), escalation,
						late.state(), late.priority(), late.receivedAt(), now, late.body(), now, late.traceparent());
			}
			jdbc.sql("UPDATE delivery SET breached_at = ? WHERE delivery_id = ?")
				.params(Timestamp.from(now), late.deliveryId())
				.update();
			meters.counter("tipline.dispatch.sla.breaches", "state",
					(late.state() != null) ? late.state().value() : "none", "priority", late.priority().name())
				.increment();
		}
		return overdue.size();
	}
}
