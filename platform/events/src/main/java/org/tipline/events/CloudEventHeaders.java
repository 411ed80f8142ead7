package org.tipline.events;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CloudEvents binary-mode headers (Kafka protocol binding) that every record of the pipeline carries. The
 * event id is derived from what the event is about, so an event produced again after a crash or a redelivery
 * has the same id and consumers can recognise it.
 */
public final class CloudEventHeaders {

	public static final String SPEC_VERSION = "ce_specversion";

	public static final String ID = "ce_id";

	public static final String TYPE = "ce_type";

	public static final String SOURCE = "ce_source";

	public static final String TIME = "ce_time";

	public static final String SUBJECT = "ce_subject";

	public static final String CONTENT_TYPE = "content-type";

	private CloudEventHeaders() {
	}

	/**
	 * The headers of one event. {@code source} is the publishing service (e.g. {@code /tipline/intake}),
	 * {@code subject} the tip id, {@code id} unique per source for distinct events.
	 */
	public static Map<String, Object> of(EventType type, String source, String id, TipId subject, Instant time) {
		Map<String, Object> headers = new LinkedHashMap<>();
		headers.put(SPEC_VERSION, "1.0");
		headers.put(ID, id);
		headers.put(TYPE, type.wireName());
		headers.put(SOURCE, source);
		headers.put(TIME, time.toString());
		headers.put(SUBJECT, subject.toString());
		headers.put(CONTENT_TYPE, "application/json");
		return headers;
	}
}
