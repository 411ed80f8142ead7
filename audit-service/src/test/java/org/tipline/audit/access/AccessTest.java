package org.tipline.audit.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.tipline.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;

class AccessTest {

	private static final Instant AT = Instant.parse("2026-11-29T05:00:00.123456789Z");

	@Test
	void keepsTheValuesOfTheApisOwnParametersOnlyAndNeverAKey() {
		String key = ApiKeys.generate();
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("proof", "true");
		query.add("from", "2026-11-01T00:00:00Z");
		query.add("key", key);
		query.add("note", "call me on 305 555 0100");
		query.add(key, "");

		Access access = Access.of(AT, new Reader("analyst", ReaderRole.ANALYST), "GET", "/v1/audit/tips/" + key,
				query, 403);

		assertThat(access.path()).isEqualTo("/v1/audit/tips/tpl_…");
		assertThat(access.query()).containsExactly(Map.entry("from", List.of("2026-11-01T00:00:00Z")),
				Map.entry("key", Arrays.asList((String) null)), Map.entry("note", Arrays.asList((String) null)),
				Map.entry("proof", List.of("true")), Map.entry("tpl_…", Arrays.asList((String) null)));
		assertThat(access.toString()).doesNotContain(key.substring(4), "0100");
		assertThat(access.at()).isEqualTo("2026-11-29T05:00:00.123456Z");
	}

	@Test
	void recordsARequestWithoutAValidKeyAsUnauthenticatedWithoutRole() {
		Access access = Access.of(AT, null, "GET", "/v1/audit/export", new LinkedMultiValueMap<>(), 401);

		assertThat(access.reader()).isEqualTo("unauthenticated");
		assertThat(access.role()).isNull();
	}

	@Test
	void chainsEachRowToTheOneBeforeOverTheDocumentedBytes() {
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("proof", "true");
		Access access = Access.of(AT, new Reader("analyst", ReaderRole.ANALYST), "GET", "/v1/audit/tips/4a6d", query,
				403);

		assertThat(new String(AccessChain.canonical(7, access), StandardCharsets.UTF_8)).isEqualTo("""
				{"at":"2026-11-29T05:00:00.123456Z","method":"GET","path":"/v1/audit/tips/4a6d",\
				"query":{"proof":["true"]},"reader":"analyst","role":"ANALYST","seq":7,"status":403}""");
		byte[] first = AccessChain.next(AccessChain.START, 7, access);
		assertThat(AccessChain.next(first, 8, access)).isNotEqualTo(AccessChain.next(AccessChain.START, 8, access));
		assertThat(AccessChain.next(AccessChain.START, 7, new Access(access.at(), access.reader(), access.role(),
				access.method(), access.path(), access.query(), 200))).isNotEqualTo(first);
	}
}
