package org.tipline.audit.ledger;

import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.tipline.events.EventType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the hops an event stands for from its raw JSON and CloudEvents headers, not from today's record
 * classes, so an event written by a newer producer is still understood as far as it can be. Only fields
 * without personal data are copied into the entry.
 */
public class HopReader {

	private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

	private final JsonMapper json;

	public HopReader(JsonMapper json) {
		this.json = json;
	}

	public List<HopEntry> read(String ceType, String ceSource, String ceId, byte[] payload) {
		EventType type = EventType.fromWireName(ceType)
			.orElseThrow(() -> new UnreadableEventException("unknown event type " + ceType));
		JsonNode event = json.readTree(payload);
		UUID tipId = UUID.fromString(text(event, "tipId"));
		HopEntry.EventReference reference = new HopEntry.EventReference(ceSource, ceId, ceType, sha256(payload));
		String service = serviceOf(ceSource);
		List<HopEntry> entries = new ArrayList<>();
		switch (type) {
			case TIP_RECEIVED -> entries.add(new HopEntry(tipId, Hop.RECEIVED, service, instant(event, "receivedAt"),
					"ACCEPTED", details("channel", text(event, "channel")), reference));
			case TIP_TRIAGED -> {
				JsonNode jurisdiction = event.path("jurisdiction");
				JsonNode classification = event.path("classification");
				entries.add(new HopEntry(tipId, Hop.TRIAGED, service, instant(event, "triagedAt"),
						text(event, "priority"),
						details("state", text(jurisdiction, "state"), "stateConfidence",
								decimal(jurisdiction.path("confidence")), "stateBasis", text(jurisdiction, "basis"),
								"priority", text(event, "priority"), "minor", classification.path("minor").asBoolean(),
								"imminentDanger", classification.path("imminentDanger").asBoolean(),
								"traffickingType", text(classification, "traffickingType"), "reporterRole",
								text(classification, "reporterRole"), "classifierVersion",
								text(event, "classifierVersion")),
						reference));
			}
			case TIP_DECIDED -> {
				String decision = text(event, "decision");
				Map<String, Object> details = details("decision", decision, "reasonCode", text(event, "reasonCode"),
						"policyVersion", text(event, "policyVersion"), "rule", text(event, "rule"), "endpoint",
						text(event, "endpoint"), "state", text(event.path("triaged").path("jurisdiction"), "state"),
						"priority", text(event.path("triaged"), "priority"), "deadline", instantText(event, "deadline"));
				Instant at = instant(event, "decidedAt");
				entries.add(new HopEntry(tipId, Hop.DECIDED, service, at, decision, details, reference));
				if ("WITHHOLD".equals(decision)) {
					entries.add(new HopEntry(tipId, Hop.WITHHELD, service, at, text(event, "reasonCode"), details,
							reference));
				}
				if ("HOLD_FOR_CONSENT".equals(decision)) {
					entries.add(new HopEntry(tipId, Hop.HELD, service, at, text(event, "reasonCode"), details,
							reference));
				}
			}
			case TIP_DELIVERY_ATTEMPTED -> {
				String outcome = text(event, "outcome");
				Map<String, Object> details = details("deliveryId", text(event, "deliveryId"), "attempt",
						event.path("attempt").asInt(), "endpoint", text(event, "endpoint"), "statusCode",
						event.path("statusCode").isNumber() ? event.path("statusCode").asInt() : null,
						"latencyMillis", event.path("latencyMillis").asLong(), "error", text(event, "error"),
						"stateCaseNumber", text(event, "stateCaseNumber"));
				Instant at = instant(event, "attemptedAt");
				entries.add(new HopEntry(tipId, Hop.DELIVERY_ATTEMPTED, service, at, outcome, details, reference));
				if ("DELIVERED".equals(outcome)) {
					entries.add(new HopEntry(tipId, Hop.DELIVERED, service, at, outcome, details, reference));
				}
			}
			case TIP_CONSENT_UPDATED -> entries.add(new HopEntry(tipId, Hop.CONSENT_UPDATED, service,
					instant(event, "updatedAt"), text(event, "consent"), details("consent", text(event, "consent")),
					reference));
			case TIP_SLA_BREACHED -> entries.add(new HopEntry(tipId, Hop.SLA_BREACHED, service,
					instant(event, "breachedAt"), "BREACHED",
					details("deliveryId", text(event, "deliveryId"), "endpoint", text(event, "endpoint"), "state",
							text(event, "state"), "priority", text(event, "priority"), "deadline",
							instantText(event, "deadline")),
					reference));
			case TIP_REPLAYED -> entries.add(new HopEntry(tipId, Hop.REPLAYED, service, instant(event, "replayedAt"),
					text(event, "what"), details("what", text(event, "what"), "reference", text(event, "reference"),
							"operator", text(event, "operator")),
					reference));
			case TIP_LINKED -> entries.add(new HopEntry(tipId, Hop.LINKED, service, instant(event, "linkedAt"),
					"LINKED", details("linkedTipId", text(event, "linkedTipId"), "evidence", kinds(event, "evidence")),
					reference));
		}
		return entries;
	}

	/**
	 * The {@code DEAD_LETTERED} entry for a record a service gave up on. The entry keeps where the record came
	 * from and the exception's class, never the exception's message: a parse error quotes the record, and the
	 * record may hold a narrative or a phone number. A dead letter whose original headers were lost is still
	 * recognised on redelivery, by its original topic, partition and offset.
	 */
	public List<HopEntry> readDeadLetter(DeadLetter letter) {
		UUID tipId = tipIdOf(letter);
		String source = (letter.ceSource() != null) ? letter.ceSource() : "kafka:" + letter.originalTopic();
		String id = (letter.ceId() != null) ? letter.ceId()
				: letter.originalPartition() + "-" + letter.originalOffset();
		String type = (letter.ceType() != null) ? letter.ceType() : "unknown";
		HopEntry.EventReference reference = new HopEntry.EventReference(source, id, type, sha256(letter.payload()));
		return List.of(new HopEntry(tipId, Hop.DEAD_LETTERED, letter.consumerGroup(), letter.deadLetteredAt(),
				"DEAD_LETTERED",
				details("originalTopic", letter.originalTopic(), "originalPartition", letter.originalPartition(),
						"originalOffset", letter.originalOffset(), "exceptionClass", letter.exceptionClass()),
				reference));
	}

	private UUID tipIdOf(DeadLetter letter) {
		try {
			String fromPayload = text(json.readTree(letter.payload()), "tipId");
			if (fromPayload != null) {
				return UUID.fromString(fromPayload);
			}
		}
		catch (RuntimeException unreadablePayload) {
			// a poison record need not be JSON: its subject header or key still names the tip
		}
		for (String candidate : new String[] { letter.ceSubject(), letter.key() }) {
			try {
				if (candidate != null) {
					return UUID.fromString(candidate);
				}
			}
			catch (IllegalArgumentException notATipId) {
				// try the next place a tip id can be
			}
		}
		throw new UnreadableEventException("dead letter from " + letter.originalTopic() + " names no tip");
	}

	/**
	 * The names in an array of kinds ({@code PHONE}, {@code STORY}), and nothing that is not shaped like one: the
	 * log can never give back a phone number or a name a faulty producer put there instead.
	 */
	private static List<String> kinds(JsonNode node, String field) {
		List<String> kinds = new ArrayList<>();
		for (JsonNode value : node.path(field)) {
			if (value.isString() && KIND.matcher(value.asString()).matches()) {
				kinds.add(value.asString());
			}
		}
		return kinds;
	}

	/** A decimal number as its shortest text: the log's canonical form has no floating point. */
	private static String decimal(JsonNode number) {
		return number.isNumber() ? number.decimalValue().stripTrailingZeros().toPlainString() : null;
	}

	/** {@code /tipline/intake} is intake-service. */
	static String serviceOf(String ceSource) {
		String name = (ceSource == null) ? "unknown" : ceSource.substring(ceSource.lastIndexOf('/') + 1);
		return name + "-service";
	}

	private static Map<String, Object> details(Object... pairs) {
		Map<String, Object> details = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i + 1] != null) {
				details.put((String) pairs[i], pairs[i + 1]);
			}
		}
		return details;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return (value.isNull() || value.isMissingNode()) ? null : value.asString();
	}

	private static Instant instant(JsonNode node, String field) {
		String value = instantText(node, field);
		if (value == null) {
			throw new UnreadableEventException("event has no " + field);
		}
		return Instant.parse(value);
	}

	/** A time as ISO-8601 text, whether the producer wrote it so or as epoch seconds with a fraction. */
	private static String instantText(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isNumber()) {
			BigDecimal seconds = value.decimalValue();
			return Instant.ofEpochSecond(seconds.longValue(),
					seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue()).toString();
		}
		String text = text(node, field);
		return (text == null) ? null : Instant.parse(text).toString();
	}

	static String sha256(byte[] payload) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
