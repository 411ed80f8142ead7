package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.tipline.testing.FuzzRandom;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Request bodies that broken or hostile channel adapters send: valid tips, valid tips with one thing changed, JSON of
 * any shape, deep nesting, long strings and bytes that are not text at all. Shared by the fuzz tests of the reader
 * and of the running endpoint.
 * <p>
 * Objects are built as trees, not maps: a tree keeps its fields in order, so a seed always gives the same bytes.
 */
final class HostileBodies {

	/** Appears in personal fields of marked tips; no substring of it is an identifier, so none can become a name. */
	static final String MARKER = "305-555-0199";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int RANDOM_JSON_MAX_DEPTH = 5;

	private static final List<String> FIELD_NAMES = List.of("channel", "channelMessageId", "language", "reporter",
			"role", "consentToLawEnforcement", "contact", "phone", "email", "narrative", "location", "state", "city",
			"zip", "address", "lat", "lon", "callerPhone", "consent");

	private static final List<String> ODD_TOKENS = List.of("null", "true", "false", "0", "-0", "1e999", "-1e-999",
			"123456789012345678901234567890", "1.7976931348623157E309", "NaN", "Infinity", "-Infinity", "\"\"", "[]",
			"{}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uD83D\\uDE22\"", "'single'", "undefined",
			"0x1F", "01", ".5", "+1", "\"SMS\"", "\"VICTIM\"", "\"GRANTED\"", "\"FL\"", "\"\\\"\"", "[[[[[[[[]]]]]]]]",
			"{\"channel\":\"SMS\"}", ",", ":", "\"", "\\", "{", "}", "[", "]");

	private static final List<String> CHANNELS = List.of("SMS", "PHONE", "EMAIL", "WEB", "CHAT");

	private static final List<String> MARKED_CHANNELS = List.of("SMS", "WEB", "CHAT");

	private static final List<String> ROLES = List.of("VICTIM", "THIRD_PARTY", "FAMILY", "PROFESSIONAL",
			"ANONYMOUS");

	private static final List<String> CONSENTS = List.of("GRANTED", "DECLINED", "NOT_ASKED");

	private static final List<String> STATES = List.of("FL", "TX", "GU", "DC");

	private static final List<String> NESTING_OPENINGS = List.of("[", "{\"reporter\":", "{\"a\":");

	private static final List<String> NARRATIVE_UNITS = List.of("x", "\u00e9", "\u4e2d", "\uD83D\uDE22", "\\n");

	private HostileBodies() {
	}

	static byte[] any(FuzzRandom random) {
		// most weight on bodies near a valid tip: those get past the parser and test the validator and the event
		int share = random.nextInt(16);
		if (share < 3) {
			return utf8(validTip(random));
		}
		if (share < 9) {
			return mutated(random, validTip(random));
		}
		if (share < 12) {
			return utf8(randomJson(random, random.nextInt(RANDOM_JSON_MAX_DEPTH + 1)));
		}
		if (share < 13) {
			return deeplyNested(random);
		}
		if (share < 14) {
			return longNarrative(random);
		}
		return randomBytes(random);
	}

	/** Tips whose personal fields carry {@link #MARKER}, as they are and changed in one place. */
	static byte[] marked(FuzzRandom random) {
		ObjectNode tip = JSON.createObjectNode()
			.put("channel", random.oneOf(MARKED_CHANNELS))
			.put("channelMessageId", random.textOf(FuzzRandom.ALPHANUMERIC, 12, 12) + MARKER)
			.put("narrative", "Maria " + MARKER + " is kept at the motel")
			.put("callerPhone", MARKER);
		tip.set("reporter", JSON.createObjectNode()
			.put("role", "VICTIM")
			.set("contact", JSON.createObjectNode().put("email", MARKER + "@example.org").put("phone", MARKER)));
		tip.set("location", JSON.createObjectNode().put("city", MARKER).put("address", MARKER).put("zip", MARKER));
		String body = json(tip);
		return random.nextBoolean() ? utf8(body) : mutated(random, body);
	}

	private static String validTip(FuzzRandom random) {
		ObjectNode tip = JSON.createObjectNode()
			.put("channel", random.oneOf(CHANNELS))
			.put("channelMessageId", "fuzz-" + random.textOf(FuzzRandom.ALPHANUMERIC + "-_:./", 1, 60))
			.put("language", "en");
		tip.set("reporter", JSON.createObjectNode()
			.put("role", random.oneOf(ROLES))
			.put("consentToLawEnforcement", random.oneOf(CONSENTS))
			.set("contact",
					JSON.createObjectNode().put("phone", "+13055550100").put("email", "someone@example.org")));
		// mostly text an adapter would send, sometimes any characters at all
		tip.put("narrative",
				(random.nextInt(4) < 3) ? random.textOf(FuzzRandom.PRINTABLE, 1, 300) : random.anyText(1, 100));
		tip.set("location", JSON.createObjectNode()
			.put("state", random.oneOf(STATES))
			.put("city", "Miami")
			.put("zip", "33101")
			.put("lat", random.nextDouble(-90, 90))
			.put("lon", random.nextDouble(-180, 180)));
		tip.put("callerPhone", "+1 (305) 555-0100");
		return json(tip);
	}

	/** One change to a valid body: text cut, inserted or replaced, a field repeated or added, a byte flipped. */
	private static byte[] mutated(FuzzRandom random, String body) {
		double at = random.nextDouble();
		int span = random.nextInt(41);
		String text = insertion(random);
		String field = random.oneOf(FIELD_NAMES);
		int from = (int) (at * body.length());
		int to = Math.min(body.length(), from + span);
		return switch (random.nextInt(7)) {
			case 0 -> utf8(body.substring(0, from) + body.substring(to));
			case 1 -> utf8(body.substring(0, from) + text + body.substring(from));
			case 2 -> utf8(body.substring(0, from) + text + body.substring(to));
			case 3 -> utf8("{\"" + field + "\":" + text + "," + body.substring(1));
			case 4 -> utf8(body.substring(0, body.length() - 1) + ",\"" + field + "\":" + text + "}");
			case 5 -> utf8(body.substring(0, from));
			default -> flipped(utf8(body), at, span);
		};
	}

	private static String insertion(FuzzRandom random) {
		return switch (random.nextInt(3)) {
			case 0 -> random.oneOf(ODD_TOKENS);
			case 1 -> random.anyText(0, 8);
			default -> "\"" + random.oneOf(FIELD_NAMES) + "\":";
		};
	}

	/** A scalar at depth 0; otherwise an array or object whose every member is {@code depth - 1} deep. */
	private static String randomJson(FuzzRandom random, int depth) {
		if (depth == 0) {
			return scalar(random);
		}
		if (random.nextBoolean()) {
			return IntStream.range(0, random.nextInt(5))
				.mapToObj((index) -> randomJson(random, depth - 1))
				.collect(Collectors.joining(",", "[", "]"));
		}
		return IntStream.range(0, random.nextInt(6))
			.mapToObj((index) -> key(random) + ":" + randomJson(random, depth - 1))
			.collect(Collectors.joining(",", "{", "}"));
	}

	private static String scalar(FuzzRandom random) {
		return switch (random.nextInt(5)) {
			case 0 -> random.oneOf(ODD_TOKENS);
			case 1 -> json(random.anyText(0, 30));
			case 2 -> String.valueOf(random.nextInt());
			// every bit pattern: numbers of any magnitude, subnormal ones, and now and then NaN or Infinity
			case 3 -> String.valueOf(Double.longBitsToDouble(random.nextLong()));
			default -> random.textOf(FuzzRandom.DIGITS, 1, 120);
		};
	}

	private static String key(FuzzRandom random) {
		return json(random.nextBoolean() ? random.oneOf(FIELD_NAMES) : random.anyText(0, 12));
	}

	private static byte[] deeplyNested(FuzzRandom random) {
		int depth = random.nextInt(1, 20_001);
		String open = random.oneOf(NESTING_OPENINGS);
		String close = open.equals("[") ? "]" : "}";
		return utf8(open.repeat(depth) + "1" + close.repeat(depth));
	}

	private static byte[] longNarrative(FuzzRandom random) {
		int length = random.nextInt(15_000, 70_001);
		String unit = random.oneOf(NARRATIVE_UNITS);
		return utf8("{\"channel\":\"WEB\",\"channelMessageId\":\"long-" + length + "\",\"narrative\":\""
				+ unit.repeat(length / unit.length()) + "\"}");
	}

	private static byte[] randomBytes(FuzzRandom random) {
		byte[] bytes = new byte[random.nextInt(3001)];
		random.nextBytes(bytes);
		return bytes;
	}

	private static byte[] flipped(byte[] body, double at, int bits) {
		if (body.length == 0) {
			return body;
		}
		byte[] copy = body.clone();
		int index = Math.min(copy.length - 1, (int) (at * copy.length));
		copy[index] ^= (byte) (1 << (bits % 8));
		return copy;
	}

	private static String json(Object value) {
		return JSON.writeValueAsString(value);
	}

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}
}
