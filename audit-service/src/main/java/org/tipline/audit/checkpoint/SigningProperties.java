package org.tipline.audit.checkpoint;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The checkpoint signing key: {@code signingKey} is an Ed25519 private key, base64 of its PKCS#8 encoding (none:
 * one is generated and kept in the database, for local mode and tests). {@code retiredPublicKeys} are the
 * public keys of earlier signing keys, base64 X.509, published so checkpoints signed before a rotation stay
 * verifiable.
 */
@ConfigurationProperties("tipline.audit")
record SigningProperties(String signingKey, @DefaultValue List<String> retiredPublicKeys) {
}
