package org.tipline.audit.ledger;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The canonical JSON of RFC 8785 (JCS) for the values an audit entry holds: objects, arrays, strings, integers,
 * booleans and null. Members are sorted by their names' UTF-16 code units, there is no whitespace, and strings
 * escape only what JSON requires. Floating-point numbers are refused rather than formatted: an entry has none,
 * so any JCS implementation reproduces these bytes from the same values.
 */
public final class CanonicalJson {

	private CanonicalJson() {
	}

	public static byte[] encode(Object value) {
		StringBuilder out = new StringBuilder();
		write(value, out);
		return out.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void write(Object value, StringBuilder out) {
		if (value == null) {
			out.append("null");
		}
		else if (value instanceof String text) {
			string(text, out);
		}
		else if (value instanceof Boolean bool) {
			out.append(bool);
		}
		else if (value instanceof Long || value instanceof Integer || value instanceof Short
				|| value instanceof BigInteger) {
			out.append(value);
		}
		else if (value instanceof Map<?, ?> map) {
			object(map, out);
		}
		else if (value instanceof List<?> list) {
			out.append('[');
			for (int i = 0; i < list.size(); i++) {
				if (i > 0) {
					out.append(',');
				}
				write(list.get(i), out);
			}
			out.append(']');
		}
		else {
			throw new IllegalArgumentException("an audit entry holds no " + value.getClass().getSimpleName());
		}
	}

	private static void object(Map<?, ?> map, StringBuilder out) {
		Map<String, Object> sorted = new TreeMap<>();
		map.forEach((name, member) -> sorted.put((String) name, member));
		out.append('{');
		boolean first = true;
		for (Map.Entry<String, Object> member : sorted.entrySet()) {
			if (!first) {
				out.append(',');
			}
			first = false;
			string(member.getKey(), out);
			out.append(':');
			write(member.getValue(), out);
		}
		out.append('}');
	}

	private static void string(String text, StringBuilder out) {
		out.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isSurrogate(c)) {
				boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
						&& Character.isLowSurrogate(text.charAt(i + 1));
				if (!paired) {
					throw new IllegalArgumentException("a string with a lone surrogate has no canonical form");
				}
				out.append(c).append(text.charAt(++i));
				continue;
			}
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\b' -> out.append("\\b");
				case '\f' -> out.append("\\f");
				case '\n' -> out.append("\\n");
				case '\r' -> out.append("\\r");
				case '\t' -> out.append("\\t");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		out.append('"');
	}
}
