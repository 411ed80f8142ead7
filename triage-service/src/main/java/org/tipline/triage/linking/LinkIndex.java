package org.tipline.triage.linking;

import java.time.Instant;
import java.util.Set;

import org.tipline.events.TipId;

/** The recent tips' incident keys, shared by every triage instance. */
public interface LinkIndex {

	/**
	 * Remembers the tip's keys, then answers the other tips received within the window either side of it that
	 * share at least {@link IncidentKey.Kind#sharedToLink()} keys of a kind, with how many they share. Remembering
	 * first means that of two reports triaged at the same moment on two instances, at least the second to ask
	 * finds the first. Weaker matches are left out by the index itself: a common word of a town is shared by
	 * hundreds of recent tips, and carrying each of those back to be dropped was most of triage's work.
	 */
	Set<Match> rememberAndMatch(TipId tipId, Instant receivedAt, Set<IncidentKey> keys);

	/** Another tip and how many keys of one kind it shares with the tip asked about. */
	record Match(TipId tipId, IncidentKey.Kind kind, int shared) {
	}
}
