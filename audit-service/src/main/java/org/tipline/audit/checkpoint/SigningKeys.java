package org.tipline.audit.checkpoint;

import java.util.Base64;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SigningProperties.class, CheckpointProperties.class })
class SigningKeys {

	private static final long KEY_GENERATION_LOCK = 0x7469706b6579L;

	private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

	/**
	 * The configured key; without one, the key this database generated on its first start. Keeping a private key
	 * next to the log it signs protects nothing against whoever controls the database, so that is for local mode
	 * and tests only, and says so at every start.
	 */
	@Bean
	SigningKey signingKey(SigningProperties properties, JdbcClient jdbc, TransactionTemplate transactions) {
		if (properties.signingKey() != null && !properties.signingKey().isBlank()) {
			return SigningKey.fromPkcs8(Base64.getDecoder().decode(properties.signingKey().trim()));
		}
		SigningKey key = transactions.execute((status) -> {
			// two instances starting together must not each generate a key
			jdbc.sql("SELECT pg_advisory_xact_lock(?)").param(KEY_GENERATION_LOCK).query((rs, row) -> row).single();
			List<byte[]> stored = jdbc.sql("SELECT private_key FROM audit_signing_key ORDER BY created_at LIMIT 1")
				.query((rs, row) -> rs.getBytes(1))
				.list();
			if (!stored.isEmpty()) {
				return SigningKey.fromPkcs8(stored.get(0));
			}
			SigningKey generated = SigningKey.generate();
			jdbc.sql("INSERT INTO audit_signing_key (key_id, private_key) VALUES (?, ?)")
				.params(generated.keyId(), generated.pkcs8())
				.update();
			return generated;
		});
		log.warn("No tipline.audit.signing-key configured: checkpoints are signed with key {} kept in table "
				+ "audit_signing_key. Configure a key outside the database for anything but local mode.", key.keyId());
		return key;
	}
}
