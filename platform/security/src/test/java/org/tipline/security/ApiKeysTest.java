package org.tipline.security;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ApiKeysTest {

	@Test
	void generatesDistinctKeysWithTheScannablePrefix() {
		Set<String> keys = new HashSet<>();
		for (int i = 0; i < 100; i++) {
			String key = ApiKeys.generate();
			assertThat(key).startsWith("tpl_").hasSize(47).matches("tpl_[A-Za-z0-9_-]{43}");
			keys.add(key);
		}
		assertThat(keys).hasSize(100);
	}

	@Test
	void matchesOnlyTheKeyWhoseHashIsConfigured() {
		String key = ApiKeys.generate();
		String hash = ApiKeys.sha256Hex(key);
		assertThat(hash).matches("[0-9a-f]{64}");
		assertThat(ApiKeys.matches(key, hash)).isTrue();
		assertThat(ApiKeys.matches(ApiKeys.generate(), hash)).isFalse();
		assertThat(ApiKeys.matches(key.substring(0, 46), hash)).isFalse();
		assertThat(ApiKeys.matches(null, hash)).isFalse();
		assertThat(ApiKeys.matches("", hash)).isFalse();
	}

	@Test
	void refusesAStringThatHashesRightButIsNotShapedLikeAKey() {
		String notAKey = "password";
		assertThat(ApiKeys.matches(notAKey, ApiKeys.sha256Hex(notAKey))).isFalse();
	}

	@Test
	void saysWhatIsWrongWithAConfiguredHashWithoutRepeatingIt() {
		String key = ApiKeys.generate();
		assertThat(ApiKeys.problemOfConfiguredHash(" " + ApiKeys.sha256Hex(key).toUpperCase() + " ")).isEmpty();
		assertThat(ApiKeys.normalizedHash(" " + ApiKeys.sha256Hex(key).toUpperCase() + " "))
			.isEqualTo(ApiKeys.sha256Hex(key));
		assertThat(ApiKeys.problemOfConfiguredHash(null)).contains("is missing");
		assertThat(ApiKeys.problemOfConfiguredHash("  ")).contains("is missing");
		assertThat(ApiKeys.problemOfConfiguredHash(key)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("holds a key, not its SHA-256")
			.doesNotContain(key.substring(4));
		assertThat(ApiKeys.problemOfConfiguredHash("abc123")).contains("is not a SHA-256 hash (64 hex digits)");
	}

	@Test
	void readsTheKeyOfABearerHeaderOnly() {
		assertThat(ApiKeys.fromAuthorization("Bearer tpl_abc")).contains("tpl_abc");
		assertThat(ApiKeys.fromAuthorization("bearer  tpl_abc ")).contains("tpl_abc");
		assertThat(ApiKeys.fromAuthorization("Basic dXNlcjpwYXNz")).isEmpty();
		assertThat(ApiKeys.fromAuthorization("Bearer ")).isEmpty();
		assertThat(ApiKeys.fromAuthorization(null)).isEmpty();
	}

	@Test
	void findsTheHolderOfAKeyAmongSeveral() {
		String first = ApiKeys.generate();
		String second = ApiKeys.generate();
		KeyRing<String> ring = new KeyRing<>(
				Map.of(ApiKeys.sha256Hex(first), "sms-gateway", ApiKeys.sha256Hex(second), "web-form"));
		assertThat(ring.holderOf(first)).contains("sms-gateway");
		assertThat(ring.holderOf(second)).contains("web-form");
		assertThat(ring.holderOf(ApiKeys.generate())).isEmpty();
		assertThat(ring.holderOf(null)).isEmpty();
	}

	@Test
	void refusesAConfiguredHashThatIsNotSha256Hex() {
		assertThatIllegalArgumentException().isThrownBy(() -> new KeyRing<>(Map.of("tpl_plaintext-key", "oops")))
			.withMessageNotContaining("tpl_plaintext-key");
	}
}
