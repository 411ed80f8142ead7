package org.tipline.audit.oversight;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tipline.audit.ledger.Hop;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads the histories of the tips a question is about; the answers are computed by {@link OversightReports}. */
@Repository
class OversightQueries {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private static final String ENTRIES_OF = """
			SELECT tip_id, hop, at, outcome, details::text AS details FROM audit_entry
			WHERE tip_id IN (%s) ORDER BY seq""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	OversightQueries(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Tips that entered the pipeline (their first entry) in [from, to). */
	List<TipHistory> enteredBetween(Instant from, Instant to) {
		return histories("SELECT tip_id FROM audit_entry GROUP BY tip_id HAVING min(at) >= ? AND min(at) < ?",
				Timestamp.from(from), Timestamp.from(to));
	}

	/** Tips with an SLA breach recorded in [from, to). */
	List<TipHistory> breachedBetween(Instant from, Instant to) {
		return histories("SELECT tip_id FROM audit_entry WHERE hop = 'SLA_BREACHED' AND at >= ? AND at < ?",
				Timestamp.from(from), Timestamp.from(to));
	}

	/** Tips neither delivered nor withheld: held, on their way, dead-lettered, or stuck. */
	List<TipHistory> notDeliveredNorWithheld() {
		return histories("""
				SELECT tip_id FROM audit_entry GROUP BY tip_id
				HAVING NOT bool_or(hop IN ('DELIVERED', 'WITHHELD'))""");
	}

	private List<TipHistory> histories(String tips, Object... params) {
		return TipHistory.fold(jdbc.sql(ENTRIES_OF.formatted(tips))
			.params(params)
			.query((rs, row) -> new TipHistory.Entry(rs.getObject("tip_id", UUID.class), Hop.valueOf(rs.getString("hop")),
					rs.getTimestamp("at").toInstant(), rs.getString("outcome"),
					json.readValue(rs.getString("details"), DETAILS)))
			.list());
	}
}
