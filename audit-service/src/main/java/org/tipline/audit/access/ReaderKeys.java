package org.tipline.audit.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.tipline.security.ApiKeys;
import org.tipline.security.KeyRing;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ReaderProperties.class)
class ReaderKeys {

	/** A reader's name is written to the access log and to metrics; it fits their columns and reads plainly. */
	private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

	/**
	 * The keys the audit API accepts. With no reader configured the service does not start: an audit API open to
	 * anyone, or closed to everyone, is never what an operator meant.
	 */
	@Bean
	KeyRing<Reader> readers(ReaderProperties properties) {
		return of(properties.readers());
	}

	/**
	 * Every problem is reported at once, by property name. Values are never repeated: a key pasted where its hash
	 * belongs must not end up in a log.
	 */
	static KeyRing<Reader> of(Map<String, ReaderProperties.ConfiguredReader> configured) {
		if (configured.isEmpty()) {
			throw new ReaderConfigurationException(List.of("no reader is configured (tipline.audit.readers.<name>"
					+ ".key-sha256 and tipline.audit.readers.<name>.role): nobody could read the audit log"));
		}
		List<String> problems = new ArrayList<>();
		Map<String, Reader> byHash = new HashMap<>();
		new TreeMap<>(configured).forEach((name, reader) -> {
			String property = "tipline.audit.readers." + name;
			if (!NAME.matcher(name).matches() || Access.UNAUTHENTICATED.equals(name)) {
				problems.add(property + ": a reader's name is 1 to 64 letters, digits, '.', '_' or '-', and not '"
						+ Access.UNAUTHENTICATED + "'");
			}
			String hash = ApiKeys.normalizedHash(reader.keySha256());
			ApiKeys.problemOfConfiguredHash(hash).ifPresent((problem) -> problems.add(property + ".key-sha256 " + problem));
			ReaderRole role = roleOf(reader.role());
			if (role == null) {
				problems.add(property + ".role is " + ((reader.role() == null) ? "missing" : "unknown")
						+ ": it must be ANALYST or OVERSIGHT");
			}
			if (ApiKeys.isWellFormedHash(hash) && role != null) {
				Reader earlier = byHash.putIfAbsent(hash, new Reader(name, role));
				if (earlier != null) {
					problems.add(property + ".key-sha256 is also tipline.audit.readers." + earlier.name()
							+ ".key-sha256: give each reader a key of its own, so the access log can tell them apart");
				}
			}
		});
		if (!problems.isEmpty()) {
			throw new ReaderConfigurationException(problems);
		}
		return new KeyRing<>(byHash);
	}

	private static ReaderRole roleOf(String configured) {
		for (ReaderRole role : ReaderRole.values()) {
			if (configured != null && role.name().equalsIgnoreCase(configured.trim())) {
				return role;
			}
		}
		return null;
	}
}
