package org.tipline.triage.linking;

import java.time.Instant;
import java.util.Set;

import org.tipline.events.TipId;

/** The recent tips' incident keys, shared by every triage instance. */
public interface LinkIndex {

	/**
	 * Remembers the tip's keys, then answers the other tips received within the window either side of it that
	 * share each key, with how many keys of each kind they share. Remembering first means that of two reports
	 * triaged at the same moment on two instances, at least the second to ask finds the first.
	 */
	Set<Match> rememberAndMatch(TipId tipId, Instant receivedAt, Set<IncidentKey> keys);

	/** Another tip and how many keys of one kind it shares with the tip asked about. */
	record Match(TipId tipId, IncidentKey.Kind kind, int shared) {
	}
}
