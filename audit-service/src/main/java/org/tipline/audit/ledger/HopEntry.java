package org.tipline.audit.ledger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log before it is stored: the hop, who did it, when, with what outcome, and the
 * facts an oversight body needs (decision, reason, policy version, endpoint status) but no personal data.
 * Times are kept to the microsecond, what PostgreSQL stores, so the entry read back is the entry signed.
 */
public record HopEntry(UUID tipId, Hop hop, String service, Instant at, String outcome, Map<String, Object> details,
		EventReference event) {

	public HopEntry {
		at = at.truncatedTo(ChronoUnit.MICROS);
	}

	/** The same entry, naming the trace the event belonged to, so the timeline links to a tracing backend. */
	public HopEntry withTraceId(String traceId) {
		if (traceId == null) {
			return this;
		}
		Map<String, Object> traced = new LinkedHashMap<>(details);
		traced.put("traceId", traceId);
		return new HopEntry(tipId, hop, service, at, outcome, traced, event);
	}

	/** The event an entry was read from: its CloudEvents source, id and type, and a digest of its bytes. */
	public record EventReference(String source, String id, String type, String digest) {
	}

	/**
	 * The bytes of this entry as leaf {@code seq} of the log: the canonical JSON of the object documented in
	 * docs/audit.md. Its leaf hash is what the Merkle tree and every signed checkpoint commit to.
	 */
	public byte[] canonicalBytes(long seq) {
		Map<String, Object> eventFields = new LinkedHashMap<>();
		eventFields.put("source", event.source());
		eventFields.put("id", event.id());
		eventFields.put("type", event.type());
		eventFields.put("digest", event.digest());
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("seq", seq);
		entry.put("at", at.toString());
		entry.put("tipId", tipId.toString());
		entry.put("hop", hop.name());
		entry.put("service", service);
		entry.put("outcome", outcome);
		entry.put("details", details);
		entry.put("event", eventFields);
		return CanonicalJson.encode(entry);
	}
}
