package org.tipline.audit.access;

import java.util.List;
import java.util.Optional;

import org.springframework.http.server.PathContainer;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which role a request to the audit API needs. Paths are matched as the handlers match them. Anything not listed
 * needs {@link ReaderRole#OVERSIGHT}: an endpoint added later stays closed to analysts until someone decides
 * otherwise.
 */
final class ReadPolicy {

	/**
	 * The signing key and the latest signed tree head. Whoever checks an export needs the key, and a checkpoint
	 * says no more than how many entries the log has and the root hash over them; every copy of it kept by
	 * someone outside is a witness against a log rewritten or shown differently to different readers later.
	 */
	private static final List<PathPattern> PUBLIC = patterns("/v1/audit/public-key", "/v1/audit/checkpoints/latest");

	private static final PathPattern TIMELINE = PathPatternParser.defaultInstance.parse("/v1/audit/tips/{tipId}");

	/** Aggregates without reasons, and the reader's own name and role. */
	private static final List<PathPattern> ANALYST = patterns("/v1/audit/reader", "/v1/audit/dashboard/latency",
			"/v1/audit/oversight/latency", "/v1/audit/oversight/pending", "/v1/audit/oversight/breaches",
			"/v1/audit/oversight/completeness", "/v1/audit/oversight/reports/{state}/{month}");

	private ReadPolicy() {
	}

	/** The role the request needs; none for the public endpoints. */
	static Optional<ReaderRole> needed(PathContainer path, MultiValueMap<String, String> query) {
		if (matches(PUBLIC, path)) {
			return Optional.empty();
		}
		if (matches(ANALYST, path) || (TIMELINE.matches(path) && !asksForProofs(query))) {
			return Optional.of(ReaderRole.ANALYST);
		}
		return Optional.of(ReaderRole.OVERSIGHT);
	}

	/**
	 * A proof carries each entry's leaf hash, over bytes that hold the reason code, rule and policy version an
	 * analyst does not see. There are few of those: whoever knows the rest of an entry could try them until the
	 * hash matches. Proofs are for oversight.
	 */
	private static boolean asksForProofs(MultiValueMap<String, String> query) {
		List<String> proof = query.get("proof");
		return proof != null && !proof.stream().allMatch("false"::equalsIgnoreCase);
	}

	private static boolean matches(List<PathPattern> patterns, PathContainer path) {
		return patterns.stream().anyMatch((pattern) -> pattern.matches(path));
	}

	private static List<PathPattern> patterns(String... paths) {
		return List.of(paths).stream().map(PathPatternParser.defaultInstance::parse).toList();
	}
}
