package org.tipline.audit.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import org.tipline.audit.merkle.Merkle;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Migration 3: copies the entries of the first log ({@code audit_entry_v1}, numbered by a sequence with gaps)
 * into the Merkle log in their original order, numbered densely from 0. It runs once, as the owner, before the
 * service appends anything, so the history recorded before the tree existed is in the tree too.
 */
@Component
class LegacyLogCopy implements JavaMigration {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JsonMapper json;

	LegacyLogCopy(JsonMapper json) {
		this.json = json;
	}

	@Override
	public MigrationVersion getVersion() {
		return MigrationVersion.fromVersion("3");
	}

	@Override
	public String getDescription() {
		return "copy legacy audit entries into the merkle log";
	}

	@Override
	public Integer getChecksum() {
		return 3;
	}

	@Override
	public boolean canExecuteInTransaction() {
		return true;
	}

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement select = connection.createStatement();
				ResultSet legacy = select.executeQuery("""
						SELECT tip_id, hop, service, at, outcome, details::text AS details, event_source, event_id,
						       event_type, event_digest
						FROM audit_entry_v1 ORDER BY seq""");
				PreparedStatement insert = connection.prepareStatement("""
						INSERT INTO audit_entry (seq, tip_id, hop, service, at, outcome, details, event_source,
						                         event_id, event_type, event_digest, entry, leaf_hash)
						VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""")) {
			long seq = 0;
			while (legacy.next()) {
				HopEntry entry = new HopEntry(legacy.getObject("tip_id", UUID.class),
						Hop.valueOf(legacy.getString("hop")), legacy.getString("service"),
						legacy.getTimestamp("at").toInstant(), legacy.getString("outcome"),
						withoutFloatingPoint(json.readValue(legacy.getString("details"), DETAILS)),
						new HopEntry.EventReference(legacy.getString("event_source"), legacy.getString("event_id"),
								legacy.getString("event_type"), legacy.getString("event_digest")));
				byte[] canonical = entry.canonicalBytes(seq);
				insert.setLong(1, seq);
				insert.setObject(2, entry.tipId());
				insert.setString(3, entry.hop().name());
				insert.setString(4, entry.service());
				insert.setTimestamp(5, Timestamp.from(entry.at()));
				insert.setString(6, entry.outcome());
				insert.setString(7, json.writeValueAsString(entry.details()));
				insert.setString(8, entry.event().source());
				insert.setString(9, entry.event().id());
				insert.setString(10, entry.event().type());
				insert.setString(11, entry.event().digest());
				insert.setBytes(12, canonical);
				insert.setBytes(13, Merkle.leafHash(canonical));
				insert.executeUpdate();
				seq++;
			}
		}
	}

	/** The first log kept the triage confidence as a JSON number; the tree's entries hold it as decimal text. */
	private static Map<String, Object> withoutFloatingPoint(Map<String, Object> details) {
		Map<String, Object> converted = new LinkedHashMap<>();
		details.forEach((name, value) -> converted.put(name,
				(value instanceof Double || value instanceof Float || value instanceof BigDecimal)
						? new BigDecimal(value.toString()).stripTrailingZeros().toPlainString() : value));
		return converted;
	}
}
