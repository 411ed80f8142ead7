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

	/** Each key's tips and their receive times: a tip delivered again keeps its first time, as in the database. */
	private final Map<IncidentKey, Map<TipId, Instant>> entries = new HashMap<>();

	private final Duration window;

	public MemoryLinkIndex(Duration window) {
		this.window = window;
	}

	@Override
	public synchronized Set<Match> rememberAndMatch(TipId tipId, Instant receivedAt, Set<IncidentKey> keys) {
		Map<TipId, Map<IncidentKey.Kind, Integer>> shared = new HashMap<>();
		for (IncidentKey key : keys) {
			Map<TipId, Instant> holders = entries.computeIfAbsent(key, (k) -> new HashMap<>());
			holders.forEach((holder, heldSince) -> {
				boolean inWindow = !heldSince.isBefore(receivedAt.minus(window))
						&& !heldSince.isAfter(receivedAt.plus(window));
				if (inWindow && !holder.equals(tipId)) {
					shared.computeIfAbsent(holder, (id) -> new HashMap<>()).merge(key.kind(), 1, Integer::sum);
				}
			});
			holders.putIfAbsent(tipId, receivedAt);
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
