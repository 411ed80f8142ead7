package org.tipline.intake;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of intake-service under {@code tipline.intake}.
 *
 * @param maxBodySize largest tip request accepted; larger ones get 413
 * @param retryAfter what a 503 tells the channel adapter to wait before retrying
 * @param topicPartitions partitions of the received-tips topic when intake creates it
 * @param adapters the channel adapters allowed to call intake, by name; at least one is required
 */
@ConfigurationProperties("tipline.intake")
public record IntakeProperties(@DefaultValue("64KB") DataSize maxBodySize, @DefaultValue("5s") Duration retryAfter,
		@DefaultValue("6") int topicPartitions, Map<String, AdapterSettings> adapters) {

	public IntakeProperties {
		adapters = (adapters != null) ? Map.copyOf(adapters) : Map.of();
	}

	/**
	 * One channel adapter (an SMS gateway, the web form's back end, the hotline's call-taking tool).
	 *
	 * @param keySha256 lower-case hex SHA-256 of the adapter's whole API key ({@code tpl_...}); intake never
	 * holds the key itself
	 * @param requestsPerSecond the adapter's sustained request rate; beyond it requests get 429
	 * @param burst how many requests the adapter may make at once after a quiet spell
	 */
	public record AdapterSettings(String keySha256, @DefaultValue("200") double requestsPerSecond,
			@DefaultValue("400") int burst) {
	}
}
