package org.tipline.events;

import java.util.Arrays;
import java.util.Optional;

/** The CloudEvents {@code type} of each pipeline event: a wire name chosen here, never a Java class name. */
public enum EventType {

	TIP_RECEIVED("org.tipline.tip.received.v1", TipReceived.class),

	TIP_TRIAGED("org.tipline.tip.triaged.v1", TipTriaged.class),

	TIP_DECIDED("org.tipline.tip.decided.v1", TipDecided.class),

	TIP_DELIVERY_ATTEMPTED("org.tipline.tip.delivery-attempted.v1", TipDeliveryAttempted.class),

	TIP_CONSENT_UPDATED("org.tipline.tip.consent-updated.v1", TipConsentUpdated.class),

	TIP_SLA_BREACHED("org.tipline.tip.sla-breached.v1", TipSlaBreached.class),

	TIP_REPLAYED("org.tipline.tip.replayed.v1", TipReplayed.class),

	TIP_LINKED("org.tipline.tip.linked.v1", TipLinked.class);

	private final String wireName;

	private final Class<? extends Record> payloadType;

	EventType(String wireName, Class<? extends Record> payloadType) {
		this.wireName = wireName;
		this.payloadType = payloadType;
	}

	public String wireName() {
		return wireName;
	}

	public Class<? extends Record> payloadType() {
		return payloadType;
	}

	public static Optional<EventType> fromWireName(String wireName) {
		return Arrays.stream(values()).filter((type) -> type.wireName.equals(wireName)).findFirst();
	}
}
