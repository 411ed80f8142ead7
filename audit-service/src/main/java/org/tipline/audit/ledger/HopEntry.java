package org.tipline.audit.ledger;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of the audit log before it is stored: the hop, who did it, when, with what outcome, and the
 * facts an oversight body needs (decision, reason, policy version, endpoint status) but no personal data.
 */
public record HopEntry(UUID tipId, Hop hop, String service, Instant at, String outcome, Map<String, Object> details,
		EventReference event) {

	/** The event an entry was read from: its CloudEvents source, id and type, and a digest of its bytes. */
	public record EventReference(String source, String id, String type, String digest) {
	}
}
