package org.tipline.audit.checkpoint;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.tipline.audit.ledger.LogTree;

/**
 * Signs checkpoints of the log. It is asked after every append and once a second; several instances may ask at
 * once, and the first checkpoint stored for a size is the one that stands.
 */
@Component
public class CheckpointIssuer {

	private final LogTree tree;

	private final CheckpointLog checkpoints;

	private final SigningKey key;

	private final CheckpointPolicy policy;

	private final Clock clock;

	private final Instant started;

	CheckpointIssuer(LogTree tree, CheckpointLog checkpoints, SigningKey key, CheckpointProperties properties,
			Clock clock) {
		this.tree = tree;
		this.checkpoints = checkpoints;
		this.key = key;
		this.policy = new CheckpointPolicy(properties.everyEntries(), properties.interval());
		this.clock = clock;
		this.started = clock.instant();
	}

	/** Signs a checkpoint of the log as it is now if the policy says one is due. */
	@Scheduled(fixedDelay = 1000)
	public void issueIfDue() {
		long size = tree.currentSize();
		Optional<Checkpoint> latest = checkpoints.latest();
		long signedSize = latest.map(Checkpoint::treeSize).orElse(0L);
		Instant since = latest.map(Checkpoint::issuedAt).filter((at) -> at.isAfter(started)).orElse(started);
		if (policy.isDue(size, signedSize, since, clock.instant())) {
			sign(size);
		}
	}

	/** The latest checkpoint if it covers the first {@code treeSize} entries, else a new one of the whole log. */
	public Checkpoint covering(long treeSize) {
		Optional<Checkpoint> latest = checkpoints.latest();
		if (latest.isPresent() && latest.get().treeSize() >= treeSize) {
			return latest.get();
		}
		return sign(tree.currentSize());
	}

	private Checkpoint sign(long size) {
		byte[] root = tree.rootHash(size);
		Instant issuedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
		byte[] signature = key.sign(Checkpoint.signedMessage(size, root, issuedAt));
		return checkpoints.add(new Checkpoint(size, root, issuedAt, key.keyId(), signature));
	}
}
