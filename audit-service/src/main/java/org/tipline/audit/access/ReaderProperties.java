package org.tipline.audit.access;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The readers of the audit API, by name: {@code tipline.audit.readers.<name>.key-sha256} is the SHA-256 of the
 * reader's key (lower-case hex, never the key itself) and {@code tipline.audit.readers.<name>.role} is
 * {@code ANALYST} or {@code OVERSIGHT}. Both are bound as text and checked by {@link ReaderKeys}, so that a
 * mistake is reported by property name without ever printing what was configured.
 */
@ConfigurationProperties("tipline.audit")
record ReaderProperties(@DefaultValue Map<String, ConfiguredReader> readers) {

	record ConfiguredReader(String keySha256, String role) {
	}
}
