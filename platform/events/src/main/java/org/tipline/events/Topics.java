package org.tipline.events;

/** Kafka topic names of the pipeline; the version in the name changes when a record changes incompatibly. */
public final class Topics {

	public static final String TIPS_RECEIVED = "tips.received.v1";

	public static final String TIPS_TRIAGED = "tips.triaged.v1";

	public static final String TIPS_DECIDED = "tips.decided.v1";

	public static final String TIPS_DELIVERIES = "tips.deliveries.v1";

	public static final String TIPS_CONSENT = "tips.consent.v1";

	public static final String TIPS_BREACHES = "tips.breaches.v1";

	public static final String TIPS_REPLAYS = "tips.replays.v1";

	public static final String TIPS_LINKED = "tips.linked.v1";

	private Topics() {
	}
}
