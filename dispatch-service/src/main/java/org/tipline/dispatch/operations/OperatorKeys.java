package org.tipline.dispatch.operations;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.dispatch.InvalidSettingsException;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OperatorProperties.class)
class OperatorKeys {

	private static final Logger log = LoggerFactory.getLogger(OperatorKeys.class);

	private static final String PROPERTY = "tipline.dispatch.operators";

	/** An operator's name goes into logs; it reads plainly there and cannot be mistaken for a key. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/**
	 * The keys the operator API accepts. With none configured dispatch still starts and delivers, and the operator
	 * API answers 401 to everyone: delivering tips must never wait for an operator's key to be set up. A malformed
	 * entry stops dispatch instead, since it is a mistake somebody made just now (perhaps a key pasted where its
	 * hash belongs, which must be replaced).
	 */
	@Bean
	KeyRing<Operator> operators(OperatorProperties properties) {
		KeyRing<Operator> operators = of(properties.operators());
		if (operators.isEmpty()) {
			log.warn("No operator is configured ({}.<name>.key-sha256): the operator API (/v1/dispatch/**) refuses "
					+ "every request; delivery is not affected", PROPERTY);
		}
		return operators;
	}

	/** Every problem is reported at once, by property name, without repeating a configured value. */
	static KeyRing<Operator> of(Map<String, OperatorProperties.ConfiguredOperator> configured) {
		List<String> problems = new ArrayList<>();
		Map<String, Operator> byHash = new HashMap<>();
		new TreeMap<>(configured).forEach((name, operator) -> {
			// the name is not repeated: one that breaks the rules may be a key pasted in the wrong place
			if (!NAME.matcher(name).matches() || name.startsWith(ApiKeys.PREFIX)) {
				problems.add(PROPERTY + " names an operator with other characters than letters, digits, '.', '_' "
						+ "and '-', longer than 64 or starting like an API key");
				return;
			}
			String property = PROPERTY + "." + name;
			String hash = ApiKeys.normalizedHash(operator.keySha256());
			Optional<String> problem = ApiKeys.problemOfConfiguredHash(hash);
			if (problem.isPresent()) {
				problems.add(property + ".key-sha256 " + problem.get());
			}
			else {
				Operator earlier = byHash.putIfAbsent(hash, new Operator(name));
				if (earlier != null) {
					problems.add(property + ".key-sha256 is also " + PROPERTY + "." + earlier.name()
							+ ".key-sha256: give each operator a key of their own, so the logs can tell them apart");
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidSettingsException("Operators of the dispatch API are misconfigured", problems,
					"Correct the properties named above; ./tipline keys api-key prints a new key with the hash to "
							+ "configure.");
		}
		return new KeyRing<>(byHash);
	}
}
