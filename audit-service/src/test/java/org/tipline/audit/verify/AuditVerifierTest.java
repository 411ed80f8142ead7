package org.tipline.audit.verify;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AuditVerifierTest {

	@Test
	void pointsToThePemFormWhenGivenThePublicKeyEndpointsJson(@TempDir Path directory) throws Exception {
		Path key = Files.writeString(directory.resolve("audit-key.txt"),
				"{\"keyId\":\"206d\",\"algorithm\":\"Ed25519\",\"publicKey\":\"MCowBQYDK2VwAyEA\",\"retired\":[]}");
		Path export = Files.writeString(directory.resolve("audit.jsonl"), "");
		ByteArrayOutputStream err = new ByteArrayOutputStream();

		int exit = AuditVerifier.run(new String[] { export.toString(), "--public-key", key.toString() },
				new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));

		assertThat(exit).isEqualTo(2);
		assertThat(err.toString(StandardCharsets.UTF_8)).contains("holds JSON")
			.contains("GET /v1/audit/public-key?format=pem");
	}
}
