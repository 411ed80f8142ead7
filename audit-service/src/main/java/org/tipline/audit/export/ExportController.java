package org.tipline.audit.export;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tipline.audit.checkpoint.Checkpoint;
import org.tipline.audit.checkpoint.CheckpointIssuer;
import org.tipline.audit.checkpoint.CheckpointLog;
import org.tipline.audit.ledger.AuditLedger;
import org.tipline.audit.ledger.LogTree;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
class ExportController {

	static final MediaType JSON_LINES = MediaType.parseMediaType("application/jsonl");

	private static final int PAGE = 1000;

	private final AuditLedger ledger;

	private final LogTree tree;

	private final CheckpointLog checkpoints;

	private final CheckpointIssuer issuer;

	ExportController(AuditLedger ledger, LogTree tree, CheckpointLog checkpoints, CheckpointIssuer issuer) {
		this.ledger = ledger;
		this.tree = tree;
		this.checkpoints = checkpoints;
		this.issuer = issuer;
	}

	/**
	 * The log from entry {@code from} and every checkpoint after it, as JSON Lines. The export ends with a
	 * checkpoint covering its last entry (one is signed if need be), so every exported entry is signed, and
	 * entries appended while it streams are left for the next export. Pages are read as the client reads.
	 */
	@GetMapping("/v1/audit/export")
	Mono<ResponseEntity<Flux<DataBuffer>>> export(@RequestParam(defaultValue = "0") long from) {
		return Mono.fromCallable(() -> {
			long size = tree.currentSize();
			long end = (size == 0) ? 0 : issuer.covering(size).treeSize();
			if (from < 0 || from > end) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						"from must be between 0 and the log's " + end + " signed entries");
			}
			List<Checkpoint> signed = checkpoints.above(from).stream().filter((c) -> c.treeSize() <= end).toList();
			Iterable<byte[]> lines = () -> new Lines(from, end, signed);
			Flux<DataBuffer> body = Flux.fromIterable(lines)
				.map(DefaultDataBufferFactory.sharedInstance::wrap)
				.map(DataBuffer.class::cast)
				.subscribeOn(Schedulers.boundedElastic());
			return ResponseEntity.ok().contentType(JSON_LINES).body(body);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** The export's lines, read a page of entries at a time. */
	private final class Lines implements Iterator<byte[]> {

		private final long end;

		private final Deque<Checkpoint> pendingCheckpoints;

		private final Deque<byte[]> buffered = new ArrayDeque<>();

		private long next;

		private Long previousCheckpoint;

		Lines(long from, long end, List<Checkpoint> signed) {
			this.next = from;
			this.end = end;
			this.pendingCheckpoints = new ArrayDeque<>(signed);
			if (from > 0) {
				buffered.add(ExportLines.frontier(from, tree.frontier(from)));
			}
		}

		@Override
		public boolean hasNext() {
			if (buffered.isEmpty() && next < end) {
				readPage();
			}
			return !buffered.isEmpty();
		}

		@Override
		public byte[] next() {
			if (!hasNext()) {
				throw new NoSuchElementException();
			}
			return buffered.poll();
		}

		private void readPage() {
			for (AuditLedger.StoredEntry entry : ledger.entries(next, (int) Math.min(PAGE, end - next))) {
				buffered.add(ExportLines.entry(entry.entry(), entry.leafHash()));
				next = entry.seq() + 1;
				while (!pendingCheckpoints.isEmpty() && pendingCheckpoints.peek().treeSize() == next) {
					Checkpoint checkpoint = pendingCheckpoints.poll();
					List<byte[]> proof = (previousCheckpoint == null) ? List.of()
							: tree.consistencyProof(previousCheckpoint, checkpoint.treeSize());
					buffered.add(ExportLines.checkpoint(checkpoint, previousCheckpoint, proof));
					previousCheckpoint = checkpoint.treeSize();
				}
			}
		}
	}
}
