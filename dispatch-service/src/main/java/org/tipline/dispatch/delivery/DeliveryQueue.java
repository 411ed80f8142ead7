package org.tipline.dispatch.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipline.events.Priority;
import org.tipline.events.StateCode;
import org.tipline.events.TipId;

/**
 * The durable queue of deliveries in PostgreSQL. Deliveries are claimed earliest deadline first with
 * {@code FOR UPDATE SKIP LOCKED} and a lease, so several dispatch instances share the work without sending one
 * delivery twice at once, and a delivery claimed by an instance that crashed is taken over when its lease ends.
 */
@Repository
public class DeliveryQueue {

	private final JdbcClient jdbc;

	DeliveryQueue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Adds a delivery due now; adding one that exists already changes nothing. */
	public void enqueue(String deliveryId, TipId tipId, String endpoint, StateCode state, Priority priority,
			Instant receivedAt, Instant deadline, String body, Instant now, String traceparent) {
		jdbc.sql("""
				INSERT INTO delivery (delivery_id, tip_id, endpoint, state, priority, received_at, deadline, body,
				                      status, next_attempt_at, created_at, traceparent)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?)
				ON CONFLICT (delivery_id) DO NOTHING""")
			.params(deliveryId, tipId.value(), endpoint, (state != null) ? state.value() : null, priority.name(),
					Timestamp.from(receivedAt), Timestamp.from(deadline), body, Timestamp.from(now), Timestamp.from(now),
					traceparent)
			.update();
	}

	List<Delivery> claimDue(int limit, Instant now, Instant leaseUntil, Set<String> skippedEndpoints) {
		if (limit <= 0) {
			return List.of();
		}
		return jdbc.sql("""
				UPDATE delivery SET lease_until = ?
				WHERE delivery_id IN (
				    SELECT delivery_id FROM delivery
				    WHERE status = 'PENDING' AND next_attempt_at <= ? AND (lease_until IS NULL OR lease_until < ?)
				      AND NOT (endpoint = ANY (?))
				      AND endpoint NOT IN (SELECT endpoint FROM endpoint_status)
				    ORDER BY deadline
				    LIMIT ?
				    FOR UPDATE SKIP LOCKED)
				RETURNING delivery_id, tip_id, endpoint, state, priority, received_at, deadline, body, attempts, traceparent""")
			.params(Timestamp.from(leaseUntil), Timestamp.from(now), Timestamp.from(now),
					skippedEndpoints.toArray(String[]::new), limit)
			.query(DeliveryQueue::delivery)
			.list()
			.stream()
			.sorted(Comparator.comparing(Delivery::deadline))
			.toList();
	}

	void markDelivered(String deliveryId, int attempts, Instant at, int status, String caseNumber) {
		jdbc.sql("""
				UPDATE delivery SET status = 'DELIVERED', attempts = ?, delivered_at = ?, last_status = ?,
				       last_error = NULL, state_case_number = ?, lease_until = NULL
				WHERE delivery_id = ?""")
			.params(attempts, Timestamp.from(at), status, caseNumber, deliveryId)
			.update();
	}

	void retryLater(String deliveryId, int attempts, Instant next, Integer status, String error) {
		jdbc.sql("""
				UPDATE delivery SET attempts = ?, next_attempt_at = ?, last_status = ?, last_error = ?, lease_until = NULL
				WHERE delivery_id = ? AND status = 'PENDING'""")
			.params(attempts, Timestamp.from(next), status, error, deliveryId)
			.update();
	}

	/**
	 * Every waiting delivery to {@code endpoint} becomes due at {@code at}, whatever its own back-off said: when a
	 * paused endpoint is tried again, and when it answers again, the claim takes its deliveries earliest deadline
	 * first instead of in the order their separate back-offs happened to end. Claimed ones keep their lease.
	 */
	void dueTogether(String endpoint, Instant at, Instant now) {
		jdbc.sql("""
				UPDATE delivery SET next_attempt_at = ?
				WHERE endpoint = ? AND status = 'PENDING' AND (lease_until IS NULL OR lease_until < ?)""")
			.params(Timestamp.from(at), endpoint, Timestamp.from(now))
			.update();
	}

	/** Gives a claimed delivery back without counting an attempt, e.g. when the endpoint's rate limit is reached. */
	void release(String deliveryId, Instant next) {
		jdbc.sql("UPDATE delivery SET next_attempt_at = ?, lease_until = NULL WHERE delivery_id = ? AND status = 'PENDING'")
			.params(Timestamp.from(next), deliveryId)
			.update();
	}

	/** A delivery not yet acknowledged, for operators; without its body, which holds personal data. */
	public record Undelivered(String deliveryId, TipId tipId, String endpoint, String priority, Instant deadline,
			int attempts, Instant nextAttemptAt, Integer lastStatus, String lastError, boolean breached) {
	}

	public int countUndelivered() {
		return jdbc.sql("SELECT count(*) FROM delivery WHERE status = 'PENDING'").query(Integer.class).single();
	}

	/** Undelivered deliveries, earliest deadline first; {@code state} null for all. */
	public List<Undelivered> undelivered(String state, int limit) {
		return jdbc.sql("""
				SELECT delivery_id, tip_id, endpoint, priority, deadline, attempts, next_attempt_at, last_status,
				       last_error, breached_at IS NOT NULL AS breached
				FROM delivery WHERE status = 'PENDING' AND (CAST(? AS VARCHAR) IS NULL OR state = ?)
				ORDER BY deadline LIMIT ?""")
			.params(state, state, limit)
			.query(DeliveryQueue::undeliveredRow)
			.list();
	}

	/**
	 * Makes undelivered deliveries due now: of one tip, or of a state's tips received in a period. Delivered ones
	 * are left alone, so replaying twice sends nothing twice. Returns the deliveries made due.
	 */
	public List<Undelivered> replay(TipId tipId, String state, Instant from, Instant to, Instant now) {
		return jdbc.sql("""
				UPDATE delivery SET next_attempt_at = ?, lease_until = NULL
				WHERE status = 'PENDING'
				  AND (CAST(? AS UUID) IS NULL OR tip_id = ?)
				  AND (CAST(? AS VARCHAR) IS NULL OR state = ?)
				  AND (CAST(? AS TIMESTAMPTZ) IS NULL OR received_at >= ?)
				  AND (CAST(? AS TIMESTAMPTZ) IS NULL OR received_at < ?)
				RETURNING delivery_id, tip_id, endpoint, priority, deadline, attempts, next_attempt_at, last_status,
				          last_error, breached_at IS NOT NULL AS breached""")
			.params(Timestamp.from(now), uuid(tipId), uuid(tipId), state, state, timestamp(from), timestamp(from),
					timestamp(to), timestamp(to))
			.query(DeliveryQueue::undeliveredRow)
			.list();
	}

	private static Undelivered undeliveredRow(ResultSet rs, int row) throws SQLException {
		return new Undelivered(rs.getString(1), new TipId(rs.getObject(2, UUID.class)), rs.getString(3), rs.getString(4),
				rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getTimestamp(7).toInstant(), (Integer) rs.getObject(8),
				rs.getString(9), rs.getBoolean(10));
	}

	private static UUID uuid(TipId tipId) {
		return (tipId != null) ? tipId.value() : null;
	}

	private static Timestamp timestamp(Instant instant) {
		return (instant != null) ? Timestamp.from(instant) : null;
	}

	private static Delivery delivery(ResultSet rs, int row) throws SQLException {
		String state = rs.getString("state");
		return new Delivery(rs.getString("delivery_id"), new TipId(rs.getObject("tip_id", UUID.class)),
				rs.getString("endpoint"), (state != null) ? StateCode.of(state) : null,
				Priority.valueOf(rs.getString("priority")), rs.getTimestamp("received_at").toInstant(),
				rs.getTimestamp("deadline").toInstant(),
				rs.getString("body"), rs.getInt("attempts"), rs.getString("traceparent"));
	}
}
