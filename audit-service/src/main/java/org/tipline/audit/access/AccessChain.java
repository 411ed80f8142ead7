package org.tipline.audit.access;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.tipline.audit.ledger.CanonicalJson;

/**
 * The hash chain of the access log: each row's hash is SHA-256 of the previous row's hash followed by the row's
 * canonical JSON (RFC 8785, as the audit log's entries), and the first row follows 32 zero bytes. A row changed,
 * removed or inserted later breaks the chain from there on, for anyone who kept an earlier answer's hashes.
 */
final class AccessChain {

	static final byte[] START = new byte[32];

	private AccessChain() {
	}

	/** A read recorded at position {@code seq} of the access log, with its place in the chain. */
	record Link(long seq, Access access, byte[] hash) {
	}

	/**
	 * The bytes a row's hash covers: {@code {"at","method","path","query","reader","role","seq","status"}},
	 * {@code role} null without a valid key, {@code query} each parameter's values with null for a value not
	 * kept.
	 */
	static byte[] canonical(long seq, Access access) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("seq", seq);
		row.put("at", access.at().toString());
		row.put("reader", access.reader());
		row.put("role", (access.role() == null) ? null : access.role().name());
		row.put("method", access.method());
		row.put("path", access.path());
		row.put("query", access.query());
		row.put("status", access.status());
		return CanonicalJson.encode(row);
	}

	static byte[] next(byte[] previous, long seq, Access access) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			return sha256.digest(canonical(seq, access));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime provides SHA-256", ex);
		}
	}
}
