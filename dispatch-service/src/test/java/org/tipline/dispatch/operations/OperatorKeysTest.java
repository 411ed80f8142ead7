package org.tipline.dispatch.operations;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tipline.dispatch.InvalidSettingsException;
import org.tipline.dispatch.operations.OperatorProperties.ConfiguredOperator;
import org.tipline.security.ApiKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperatorKeysTest {

	@Test
	void knowsEachOperatorByTheirKey() {
		String alice = ApiKeys.generate();
		String bob = ApiKeys.generate();

		var operators = OperatorKeys.of(Map.of("alice", new ConfiguredOperator(ApiKeys.sha256Hex(alice)), "bob",
				new ConfiguredOperator(ApiKeys.sha256Hex(bob).toUpperCase())));

		assertThat(operators.holderOf(alice)).contains(new Operator("alice"));
		assertThat(operators.holderOf(bob)).contains(new Operator("bob"));
		assertThat(operators.holderOf(ApiKeys.generate())).isEmpty();
	}

	@Test
	void withNoOperatorConfiguredNobodyIsLetInAndDispatchStillStarts() {
		var operators = new OperatorKeys().operators(new OperatorProperties(Map.of()));

		assertThat(operators.isEmpty()).isTrue();
		assertThat(operators.holderOf(ApiKeys.generate())).isEmpty();
	}

	@Test
	void refusesAKeyConfiguredWhereItsHashBelongsWithoutRepeatingIt() {
		String key = ApiKeys.generate();

		assertThatThrownBy(() -> OperatorKeys.of(Map.of("alice", new ConfiguredOperator(key))))
			.isInstanceOf(InvalidSettingsException.class)
			.hasMessageContaining("tipline.dispatch.operators.alice.key-sha256 holds a key, not its SHA-256")
			.satisfies((thrown) -> assertThat(thrown.getMessage()).doesNotContain(key));
	}

	@Test
	void reportsEveryMalformedOperatorAtOnce() {
		String shared = ApiKeys.sha256Hex(ApiKeys.generate());
		String key = ApiKeys.generate();

		assertThatThrownBy(() -> OperatorKeys.of(Map.of("alice", new ConfiguredOperator(shared), "bob",
				new ConfiguredOperator(shared), "carol", new ConfiguredOperator("abc123"), "dave",
				new ConfiguredOperator(null), key, new ConfiguredOperator(shared))))
			.satisfies((thrown) -> assertThat(thrown.getMessage())
				.contains("tipline.dispatch.operators.bob.key-sha256 is also tipline.dispatch.operators.alice.key-sha256",
						"tipline.dispatch.operators.carol.key-sha256 is not a SHA-256 hash (64 hex digits)",
						"tipline.dispatch.operators.dave.key-sha256 is missing",
						"tipline.dispatch.operators names an operator with other characters")
				.doesNotContain(key));
	}
}
