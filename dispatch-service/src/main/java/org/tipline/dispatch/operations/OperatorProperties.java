package org.tipline.dispatch.operations;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators of dispatch's operator API, by name: {@code tipline.dispatch.operators.<name>.key-sha256} is the
 * SHA-256 of the operator's key (lower-case hex, never the key itself). Bound as text and checked by
 * {@link OperatorKeys}, so a mistake is reported by property name without printing what was configured.
 */
@ConfigurationProperties("tipline.dispatch")
record OperatorProperties(@DefaultValue Map<String, ConfiguredOperator> operators) {

	record ConfiguredOperator(String keySha256) {
	}
}
