package org.tipline.audit.oversight;

import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * Records as CSV (RFC 4180): a header of the record's component names, then one line per record, CRLF ends.
 * Cells that a spreadsheet would run as a formula ({@code = + - @}) are prefixed with an apostrophe.
 */
final class Csv {

	private Csv() {
	}

	static String of(Class<? extends Record> type, List<? extends Record> rows) {
		StringBuilder out = new StringBuilder();
		RecordComponent[] components = type.getRecordComponents();
		for (int i = 0; i < components.length; i++) {
			out.append((i == 0) ? "" : ",").append(components[i].getName());
		}
		out.append("\r\n");
		for (Record row : rows) {
			for (int i = 0; i < components.length; i++) {
				out.append((i == 0) ? "" : ",").append(cell(value(components[i], row)));
			}
			out.append("\r\n");
		}
		return out.toString();
	}

	private static Object value(RecordComponent component, Record row) {
		try {
			return component.getAccessor().invoke(row);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		String text = value.toString();
		if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}
}
