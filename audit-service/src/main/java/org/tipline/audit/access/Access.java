package org.tipline.audit.access;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.util.MultiValueMap;

/**
 * One request to the audit API as the access log keeps it. It never holds a key, and it keeps the values only of
 * the parameters the API takes (periods, sizes, formats); any other parameter is kept by name alone, since nobody
 * knows what it carries. Tip ids are in the path and kept: which tips a reader looked at is what oversight asks.
 *
 * @param reader the reader's name, or {@value #UNAUTHENTICATED} without a valid key
 * @param role null without a valid key
 */
record Access(Instant at, String reader, ReaderRole role, String method, String path,
		Map<String, List<String>> query, int status) {

	static final String UNAUTHENTICATED = "unauthenticated";

	private static final Set<String> PARAMETERS_KEPT_WITH_VALUES = Set.of("from", "to", "bucket", "format", "proof",
			"treeSize", "after");

	/** A key sent in the wrong place (the path or a parameter) is cut down to its prefix before it is stored. */
	private static final Pattern KEY = Pattern.compile("tpl_[A-Za-z0-9_-]*");

	private static final String KEY_REMOVED = "tpl_…";

	private static final int MAX_PATH = 512;

	private static final int MAX_PARAMETERS = 20;

	private static final int MAX_NAME = 64;

	private static final int MAX_VALUE = 100;

	/** {@code at} to the microsecond, as PostgreSQL keeps it, so the chained bytes can be recomputed from a row. */
	static Access of(Instant at, Reader reader, String method, String path, MultiValueMap<String, String> query,
			int status) {
		Map<String, List<String>> kept = new TreeMap<>();
		query.forEach((name, values) -> {
			if (kept.size() < MAX_PARAMETERS) {
				boolean keepValues = PARAMETERS_KEPT_WITH_VALUES.contains(name);
				List<String> stored = new ArrayList<>();
				for (String value : values) {
					stored.add((keepValues && value != null) ? scrub(value, MAX_VALUE) : null);
				}
				kept.put(scrub(name, MAX_NAME), stored);
			}
		});
		return new Access(at.truncatedTo(ChronoUnit.MICROS), (reader == null) ? UNAUTHENTICATED : reader.name(),
				(reader == null) ? null : reader.role(), method, storable(path), kept, status);
	}

	/** A path as it may be stored or shown: no key, at most {@value #MAX_PATH} characters. */
	static String storable(String path) {
		return scrub(path, MAX_PATH);
	}

	private static String scrub(String text, int maxLength) {
		String withoutKeys = KEY.matcher(text).replaceAll(KEY_REMOVED);
		return (withoutKeys.length() <= maxLength) ? withoutKeys : withoutKeys.substring(0, maxLength - 1) + "…";
	}
}
