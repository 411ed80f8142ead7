package org.tipline.audit.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tipline.audit.AuditServiceTest;
import org.tipline.audit.PipelineEvents;
import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.checkpoint.SigningKey;
import org.tipline.audit.merkle.MerkleProofs;
import org.tipline.audit.verify.AuditVerifierRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The log the running service exports, checked by the verifier with only the published public key. */
class ExportIT extends AuditServiceTest {

	@TempDir
	Path directory;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theVerifierAcceptsTheExportAndNamesTheFirstTamperedEntry() throws Exception {
		UUID tip = recordATip();
		Path key = directory.resolve("audit-key.pem");
		Files.writeString(key, text("/v1/audit/public-key?format=pem"));
		Path export = directory.resolve("export.jsonl");
		Files.writeString(export, text("/v1/audit/export"));

		assertThat(AuditVerifierRunner.run(export, key)).startsWith("0 OK: entries 0..");
		List<String> lines = new ArrayList<>(Files.readAllLines(export));
		assertThat(lines.get(lines.size() - 1)).contains("\"type\":\"checkpoint\"");

		int line = lineOf(lines, tip.toString());
		long seq = json.readTree(lines.get(line)).path("entry").path("seq").asLong();
		lines.set(line, lines.get(line).replace("\"ACCEPTED\"", "\"ACCEPTEE\""));
		Path tampered = directory.resolve("tampered.jsonl");
		Files.write(tampered, lines);
		assertThat(AuditVerifierRunner.run(tampered, key)).startsWith("1 FAILED: entry " + seq + ":");

		long from = Math.max(0, seq - 1);
		Path partial = directory.resolve("partial.jsonl");
		Files.writeString(partial, text("/v1/audit/export?from=" + from));
		assertThat(AuditVerifierRunner.run(partial, key)).startsWith("0 OK: entries " + from + "..");
	}

	@Test
	void aTimelineCarriesInclusionProofsThatLeadToASignedCheckpoint() throws Exception {
		UUID tip = recordATip();
		JsonNode timeline = json.readTree(text("/v1/audit/tips/" + tip + "?proof=true"));
		java.security.PublicKey key = SigningKey.parsePublicKey(json.readTree(text("/v1/audit/public-key"))
			.path("publicKey")
			.asString());

		for (JsonNode entry : timeline.path("entries")) {
			JsonNode inclusion = entry.path("inclusion");
			JsonNode signed = inclusion.path("checkpoint");
			Checkpoint checkpoint = new Checkpoint(signed.path("treeSize").asLong(),
					HexFormat.of().parseHex(signed.path("rootHash").asString()),
					Instant.parse(signed.path("issuedAt").asString()), signed.path("keyId").asString(),
					java.util.Base64.getDecoder().decode(signed.path("signature").asString()));
			List<byte[]> path = new ArrayList<>();
			inclusion.path("auditPath").forEach((hash) -> path.add(HexFormat.of().parseHex(hash.asString())));

			assertThat(entry.path("seq").asLong()).isEqualTo(inclusion.path("leafIndex").asLong());
			assertThat(checkpoint.verify(key)).isTrue();
			assertThat(MerkleProofs.verifyInclusion(entry.path("seq").asLong(), checkpoint.treeSize(),
					HexFormat.of().parseHex(inclusion.path("leafHash").asString()), path, checkpoint.rootHash()))
				.isTrue();
		}
	}

	@Test
	void provesConsistencyBetweenTwoCheckpoints() {
		recordATip();
		long first = json.readTree(text("/v1/audit/checkpoints/latest")).path("treeSize").asLong();
		recordATip();
		await().atMost(Duration.ofSeconds(20))
			.until(() -> json.readTree(text("/v1/audit/checkpoints/latest")).path("treeSize").asLong() > first);
		JsonNode latest = json.readTree(text("/v1/audit/checkpoints/latest"));
		long second = latest.path("treeSize").asLong();

		JsonNode answer = json.readTree(text("/v1/audit/consistency?from=" + first + "&to=" + second));
		List<byte[]> proof = new ArrayList<>();
		answer.path("proof").forEach((hash) -> proof.add(HexFormat.of().parseHex(hash.asString())));
		assertThat(MerkleProofs.verifyConsistency(first, second,
				HexFormat.of().parseHex(answer.path("from").path("rootHash").asString()),
				HexFormat.of().parseHex(answer.path("to").path("rootHash").asString()), proof))
			.isTrue();
		oversight().get().uri("/v1/audit/consistency?from=" + (first + 1) + "&to=" + second).exchange()
			.expectStatus().isNotFound();
	}

	private UUID recordATip() {
		UUID tip = UUID.randomUUID();
		try (PipelineEvents events = new PipelineEvents()) {
			events.received(tip, Instant.parse("2026-01-10T10:00:00Z"));
		}
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> oversight().get().uri("/v1/audit/tips/{id}", tip).exchange().expectStatus().isOk());
		return tip;
	}

	private String text(String uri) {
		return oversight().get().uri(uri).exchange().expectStatus().isOk().expectBody(String.class).returnResult()
			.getResponseBody();
	}

	private static int lineOf(List<String> lines, String text) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(text)) {
				return i;
			}
		}
		throw new AssertionError("no line with " + text);
	}
}
