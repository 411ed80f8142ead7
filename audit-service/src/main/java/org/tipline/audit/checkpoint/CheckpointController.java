package org.tipline.audit.checkpoint;

import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.audit.ledger.AuditLedger;
import org.tipline.audit.ledger.LogTree;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@RestController
class CheckpointController {

	private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
	};

	private final SigningKey key;

	private final SigningProperties signing;

	private final CheckpointLog checkpoints;

	private final LogTree tree;

	private final InclusionProofs proofs;

	private final AuditLedger ledger;

	private final JsonMapper json;

	CheckpointController(SigningKey key, SigningProperties signing, CheckpointLog checkpoints, LogTree tree,
			InclusionProofs proofs, AuditLedger ledger, JsonMapper json) {
		this.key = key;
		this.signing = signing;
		this.checkpoints = checkpoints;
		this.tree = tree;
		this.proofs = proofs;
		this.ledger = ledger;
		this.json = json;
	}

	record PublishedKey(String keyId, String algorithm, String publicKey) {
	}

	record PublicKeys(String keyId, String algorithm, String publicKey, String pem, List<PublishedKey> retired) {
	}

	/** The key checkpoints are signed with now, and the keys of earlier ones; {@code ?format=pem} for the file. */
	@GetMapping("/v1/audit/public-key")
	ResponseEntity<?> publicKey(@RequestParam(required = false) String format) {
		if ("pem".equals(format)) {
			return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(SigningKey.pem(key.publicKey()));
		}
		List<PublishedKey> retired = signing.retiredPublicKeys().stream().map(SigningKey::parsePublicKey)
			.map((old) -> new PublishedKey(SigningKey.keyIdOf(old), "Ed25519",
					Base64.getEncoder().encodeToString(old.getEncoded())))
			.toList();
		return ResponseEntity.ok(new PublicKeys(key.keyId(), "Ed25519",
				Base64.getEncoder().encodeToString(key.publicKey().getEncoded()), SigningKey.pem(key.publicKey()),
				retired));
	}

	@GetMapping("/v1/audit/checkpoints/latest")
	Mono<ResponseEntity<InclusionProofs.SignedCheckpoint>> latest() {
		return blocking(() -> checkpoints.latest()
			.map((checkpoint) -> ResponseEntity.ok(InclusionProofs.SignedCheckpoint.of(checkpoint)))
			.orElse(ResponseEntity.notFound().build()));
	}

	record ConsistencyProof(InclusionProofs.SignedCheckpoint from, InclusionProofs.SignedCheckpoint to,
			List<String> proof) {
	}

	/** PROOF(from, D[to]) between two signed checkpoints. */
	@GetMapping("/v1/audit/consistency")
	Mono<ConsistencyProof> consistency(@RequestParam long from, @RequestParam long to) {
		return blocking(() -> {
			Checkpoint first = checkpoint(from);
			Checkpoint second = checkpoint(to);
			if (from > to) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "from must not be larger than to");
			}
			return new ConsistencyProof(InclusionProofs.SignedCheckpoint.of(first),
					InclusionProofs.SignedCheckpoint.of(second),
					tree.consistencyProof(from, to).stream().map(HexFormat.of()::formatHex).toList());
		});
	}

	record ProvenEntry(Map<String, Object> entry, InclusionProofs.InclusionProof inclusion) {
	}

	/** One entry as the tree holds it, with its inclusion proof in the latest (or the given) checkpoint. */
	@GetMapping("/v1/audit/entries/{seq}")
	Mono<ResponseEntity<ProvenEntry>> entry(@PathVariable long seq, @RequestParam(required = false) Long treeSize) {
		return blocking(() -> {
			List<AuditLedger.StoredEntry> stored = (seq < 0) ? List.of() : ledger.entries(seq, 1);
			if (stored.isEmpty() || stored.get(0).seq() != seq) {
				return ResponseEntity.notFound().build();
			}
			return ResponseEntity.ok(new ProvenEntry(json.readValue(stored.get(0).entry(), OBJECT),
					proofs.of(seq, treeSize)));
		});
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ResponseEntity<Map<String, String>> badRequest(IllegalArgumentException ex) {
		return ResponseEntity.badRequest().body(Map.of("detail", ex.getMessage()));
	}

	private Checkpoint checkpoint(long treeSize) {
		return checkpoints.ofSize(treeSize)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no checkpoint of size " + treeSize));
	}

	private static <T> Mono<T> blocking(Callable<T> query) {
		return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
	}
}
