package org.tipline.intake.api;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies that broken or hostile channel adapters send: valid tips, valid tips with one thing changed, JSON of
 * any shape, deep nesting, long strings and bytes that are not text at all. Shared by the fuzz tests of the reader
 * and of the running endpoint.
 */
final class HostileBodies {

	/** Appears in personal fields of marked tips; no substring of it is an identifier, so none can become a name. */
	static final String MARKER = "305-555-0199";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<String> FIELD_NAMES = List.of("channel", "channelMessageId", "language", "reporter",
			"role", "consentToLawEnforcement", "contact", "phone", "email", "narrative", "location", "state", "city",
			"zip", "address", "lat", "lon", "callerPhone", "consent");

	private static final List<String> ODD_TOKENS = List.of("null", "true", "false", "0", "-0", "1e999", "-1e-999",
			"123456789012345678901234567890", "1.7976931348623157E309", "NaN", "Infinity", "-Infinity", "\"\"", "[]",
			"{}", "\"\\u0000\"", "\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\uD83D\\uDE22\"", "'single'", "undefined",
			"0x1F", "01", ".5", "+1", "\"SMS\"", "\"VICTIM\"", "\"GRANTED\"", "\"FL\"", "\"\\\"\"", "[[[[[[[[]]]]]]]]",
			"{\"channel\":\"SMS\"}", ",", ":", "\"", "\\", "{", "}", "[", "]");

	private HostileBodies() {
	}

	static Arbitrary<byte[]> any() {
		return Arbitraries.frequencyOf(Tuple.of(3, validTips().map(HostileBodies::utf8)),
				Tuple.of(6, mutated(validTips())), Tuple.of(3, randomJson().map(HostileBodies::utf8)),
				Tuple.of(1, deeplyNested()), Tuple.of(1, longNarratives()), Tuple.of(2, randomBytes()));
	}

	/** Tips whose personal fields carry {@link #MARKER}, as they are and changed in one place. */
	static Arbitrary<byte[]> marked() {
		Arbitrary<String> tips = Combinators
			.combine(Arbitraries.of("SMS", "WEB", "CHAT"), Arbitraries.strings().alpha().numeric().ofLength(12))
			.as((channel, id) -> json(Map.of("channel", channel, "channelMessageId", id + MARKER, "narrative",
					"Maria " + MARKER + " is kept at the motel", "callerPhone", MARKER, "reporter",
					Map.of("role", "VICTIM", "contact", Map.of("email", MARKER + "@example.org", "phone", MARKER)),
					"location", Map.of("city", MARKER, "address", MARKER, "zip", MARKER))));
		return Arbitraries.oneOf(tips.map(HostileBodies::utf8), mutated(tips));
	}

	private static Arbitrary<String> validTips() {
		Arbitrary<String> text = Arbitraries.frequencyOf(
				Tuple.of(3, Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(300)),
				Tuple.of(1, Arbitraries.strings().all().ofMinLength(1).ofMaxLength(100)));
		return Combinators
			.combine(Arbitraries.of("SMS", "PHONE", "EMAIL", "WEB", "CHAT"),
					Arbitraries.strings().alpha().numeric().withChars("-_:./").ofMinLength(1).ofMaxLength(60), text,
					Arbitraries.of("VICTIM", "THIRD_PARTY", "FAMILY", "PROFESSIONAL", "ANONYMOUS"),
					Arbitraries.of("GRANTED", "DECLINED", "NOT_ASKED"), Arbitraries.of("FL", "TX", "GU", "DC"),
					Arbitraries.doubles().between(-90, 90), Arbitraries.doubles().between(-180, 180))
			.as((channel, id, narrative, role, consent, state, lat, lon) -> {
				Map<String, Object> tip = new LinkedHashMap<>();
				tip.put("channel", channel);
				tip.put("channelMessageId", "fuzz-" + id);
				tip.put("language", "en");
				tip.put("reporter", Map.of("role", role, "consentToLawEnforcement", consent, "contact",
						Map.of("phone", "+13055550100", "email", "someone@example.org")));
				tip.put("narrative", narrative);
				tip.put("location", Map.of("state", state, "city", "Miami", "zip", "33101", "lat", lat, "lon", lon));
				tip.put("callerPhone", "+1 (305) 555-0100");
				return json(tip);
			});
	}

	/** One change to a valid body: text cut, inserted or replaced, a field repeated or added, a byte flipped. */
	private static Arbitrary<byte[]> mutated(Arbitrary<String> bodies) {
		Arbitrary<String> insert = Arbitraries.oneOf(Arbitraries.of(ODD_TOKENS),
				Arbitraries.strings().all().ofMaxLength(8),
				Arbitraries.of(FIELD_NAMES).map((name) -> "\"" + name + "\":"));
		Arbitrary<Integer> kinds = Arbitraries.integers().between(0, 6);
		Arbitrary<Double> where = Arbitraries.doubles().between(0, 1);
		Arbitrary<Integer> length = Arbitraries.integers().between(0, 40);
		return Combinators.combine(bodies, kinds, where, length, insert, Arbitraries.of(FIELD_NAMES))
			.as((body, kind, at, span, text, field) -> {
				int from = (int) (at * body.length());
				int to = Math.min(body.length(), from + span);
				return switch (kind) {
					case 0 -> utf8(body.substring(0, from) + body.substring(to));
					case 1 -> utf8(body.substring(0, from) + text + body.substring(from));
					case 2 -> utf8(body.substring(0, from) + text + body.substring(to));
					case 3 -> utf8("{\"" + field + "\":" + text + "," + body.substring(1));
					case 4 -> utf8(body.substring(0, body.length() - 1) + ",\"" + field + "\":" + text + "}");
					case 5 -> utf8(body.substring(0, from));
					default -> flipped(utf8(body), at, span);
				};
			});
	}

	private static Arbitrary<String> randomJson() {
		Arbitrary<String> scalars = Arbitraries.oneOf(Arbitraries.of(ODD_TOKENS),
				Arbitraries.strings().all().ofMaxLength(30).map(HostileBodies::json),
				Arbitraries.integers().map(String::valueOf), Arbitraries.doubles().map(String::valueOf),
				Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(120));
		Arbitrary<String> keys = Arbitraries
			.oneOf(Arbitraries.of(FIELD_NAMES), Arbitraries.strings().all().ofMaxLength(12))
			.map(HostileBodies::json);
		return Arbitraries.recursive(() -> scalars, (inner) -> Arbitraries.oneOf(
				inner.list().ofMaxSize(4).map((items) -> "[" + String.join(",", items) + "]"),
				Combinators.combine(keys, inner)
					.as((key, value) -> key + ":" + value)
					.list()
					.ofMaxSize(5)
					.map((members) -> "{" + String.join(",", members) + "}")), 0, 5);
	}

	private static Arbitrary<byte[]> deeplyNested() {
		Arbitrary<String> openings = Arbitraries.of("[", "{\"reporter\":", "{\"a\":");
		return Combinators.combine(Arbitraries.integers().between(1, 20_000), openings).as((depth, open) -> {
			String close = open.equals("[") ? "]" : "}";
			return utf8(open.repeat(depth) + "1" + close.repeat(depth));
		});
	}

	private static Arbitrary<byte[]> longNarratives() {
		Arbitrary<String> units = Arbitraries.of("x", "\u00e9", "\u4e2d", "\uD83D\uDE22", "\\n");
		return Combinators.combine(Arbitraries.integers().between(15_000, 70_000), units)
			.as((length, unit) -> utf8("{\"channel\":\"WEB\",\"channelMessageId\":\"long-" + length
					+ "\",\"narrative\":\"" + unit.repeat(length / unit.length()) + "\"}"));
	}

	private static Arbitrary<byte[]> randomBytes() {
		return Arbitraries.bytes().array(byte[].class).ofMaxSize(3000);
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
