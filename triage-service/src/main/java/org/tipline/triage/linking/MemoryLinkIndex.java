package org.tipline.triage.linking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.tipline.events.TipId;

/**
 * A link index in memory, for the evaluation, the benchmark and tests: it forgets everything on restart, so the
 * service uses {@link JdbcLinkIndex}.
 */
public final class MemoryLinkIndex implements LinkIndex {

	private record Entry(TipId tipId, Instant receivedAt) {
	}

	private final Map<IncidentKey, Set<Entry>> entries = new HashMap<>();

	private final Duration window;

	public MemoryLinkIndex(Duration window) {
		this.window = window;
	}

	@Override
	public synchronized Set<Match> rememberAndMatch(TipId tipId, Instant receivedAt, Set<IncidentKey> keys) {
		Map<TipId, Map<IncidentKey.Kind, Integer>> shared = new HashMap<>();
		for (IncidentKey key : keys) {
			Set<Entry> holders = entries.computeIfAbsent(key, (k) -> new HashSet<>());
			for (Entry entry : holders) {
				boolean inWindow = !entry.receivedAt().isBefore(receivedAt.minus(window))
						&& !entry.receivedAt().isAfter(receivedAt.plus(window));
				if (inWindow && !entry.tipId().equals(tipId)) {
					shared.computeIfAbsent(entry.tipId(), (id) -> new HashMap<>()).merge(key.kind(), 1, Integer::sum);
				}
			}
			holders.add(new Entry(tipId, receivedAt));
		}
		Set<Match> matches = new HashSet<>();
		shared.forEach((id, kinds) -> kinds.forEach((kind, count) -> {
			if (count >= kind.sharedToLink()) {
				matches.add(new Match(id, kind, count));
			}
		}));
		return matches;
	}
}
