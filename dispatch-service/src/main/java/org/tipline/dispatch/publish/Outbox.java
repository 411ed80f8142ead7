package org.tipline.dispatch.publish;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tipline.events.EventType;
import org.tipline.events.TipDecided;
import org.tipline.events.TipId;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decisions are written to the outbox in the transaction that records them and published after commit; what a
 * crash left unpublished is published by the next sweep. A decision is therefore announced at least once, always
 * with the same event id. Published rows are deleted together at the next sweep rather than one statement per
 * decision on the consumer's thread; a crash before that only announces them once more.
 */
@Component
public class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DispatchEvents events;

	private final Queue<String> published = new ConcurrentLinkedQueue<>();

	Outbox(JdbcClient jdbc, JsonMapper json, DispatchEvents events) {
		this.jdbc = jdbc;
		this.json = json;
		this.events = events;
	}

	/** Call inside the transaction that records the decision; {@code decidedJson} is the decision as JSON. */
	public void add(String eventId, TipDecided decided, String decidedJson) {
		jdbc.sql("""
				INSERT INTO outbox (event_id, event_type, tip_id, payload, occurred_at) VALUES (?, ?, ?, ?::jsonb, ?)
				ON CONFLICT (event_id) DO NOTHING""")
			.params(eventId, EventType.TIP_DECIDED.name(), decided.tipId().value(), decidedJson,
					Timestamp.from(decided.decidedAt()))
			.update();
	}

	/** Call after the transaction committed. */
	public void publish(String eventId, TipDecided decided) {
		events.publish(EventType.TIP_DECIDED, eventId, decided.tipId(), decided.decidedAt(), decided);
		published.add(eventId);
	}

	/**
	 * Deletes what was published since the last sweep, then publishes what was left behind, older than
	 * {@code olderThan} so as not to race a publish in progress.
	 */
	public int sweep(Instant olderThan) {
		List<String> done = new ArrayList<>();
		for (String eventId = published.poll(); eventId != null; eventId = published.poll()) {
			done.add(eventId);
		}
		if (!done.isEmpty()) {
			try {
				jdbc.sql("DELETE FROM outbox WHERE event_id = ANY (?)").param(done.toArray(String[]::new)).update();
			}
			catch (RuntimeException ex) {
				published.addAll(done);
				throw ex;
			}
		}
		List<Pending> pending = jdbc
			.sql("SELECT event_id, tip_id, payload::text FROM outbox WHERE occurred_at < ? ORDER BY occurred_at LIMIT 100")
			.param(Timestamp.from(olderThan))
			.query((rs, row) -> new Pending(rs.getString(1), new TipId(rs.getObject(2, UUID.class)),
					json.readValue(rs.getString(3), TipDecided.class)))
			.list();
		for (Pending event : pending) {
			log.info("Publishing decision {} of tip {} left in the outbox", event.eventId(), event.tipId());
			publish(event.eventId(), event.decided());
		}
		return pending.size();
	}

	private record Pending(String eventId, TipId tipId, TipDecided decided) {
	}
}
