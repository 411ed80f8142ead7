package org.tipline.audit.checkpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.tipline.audit.merkle.Merkle;

import static org.assertj.core.api.Assertions.assertThat;

class CheckpointTest {

	@Test
	void aConfiguredPkcs8KeySignsCheckpointsItsDerivedPublicKeyVerifies() {
		SigningKey generated = SigningKey.generate();
		SigningKey configured = SigningKey.fromPkcs8(Base64.getDecoder()
			.decode(Base64.getEncoder().encodeToString(generated.pkcs8())));
		byte[] root = Merkle.leafHash(new byte[] { 1 });
		Instant at = Instant.parse("2026-01-01T00:00:00.123456Z");

		Checkpoint checkpoint = new Checkpoint(7, root, at, configured.keyId(),
				configured.sign(Checkpoint.signedMessage(7, root, at)));

		assertThat(configured.keyId()).isEqualTo(generated.keyId());
		assertThat(checkpoint.verify(SigningKey.parsePublicKey(SigningKey.pem(generated.publicKey())))).isTrue();
		assertThat(new Checkpoint(8, root, at, configured.keyId(), checkpoint.signature()).verify(generated.publicKey()))
			.isFalse();
		assertThat(checkpoint.verify(SigningKey.generate().publicKey())).isFalse();
	}

	@Test
	void signsTheDocumentedMessage() {
		byte[] root = new byte[32];
		assertThat(new String(Checkpoint.signedMessage(12, root, Instant.parse("2026-01-01T00:00:00Z"))))
			.isEqualTo("tipline-audit-checkpoint/v1\n12\n" + "00".repeat(32) + "\n2026-01-01T00:00:00Z\n");
	}

	@Test
	void isDueAfterEnoughEntriesOrOnceTheIntervalPassedWithEntriesUnsigned() {
		CheckpointPolicy policy = new CheckpointPolicy(10, Duration.ofSeconds(60));
		Instant since = Instant.parse("2026-01-01T00:00:00Z");

		assertThat(policy.isDue(19, 10, since, since.plusSeconds(1))).isFalse();
		assertThat(policy.isDue(20, 10, since, since.plusSeconds(1))).isTrue();
		assertThat(policy.isDue(11, 10, since, since.plusSeconds(60))).isTrue();
		assertThat(policy.isDue(10, 10, since, since.plusSeconds(600))).isFalse();
	}
}
