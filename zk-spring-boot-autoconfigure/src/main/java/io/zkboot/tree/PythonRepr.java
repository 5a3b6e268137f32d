package io.zkboot.tree;

import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import io.zkboot.core.NodeProperties;

/**
 * Renders property values as Python 3's {@code repr} and {@code str} do, which is how tree
 * exports and dry-run messages print them ({@code 'text'}, {@code 3}, {@code 1e+16},
 * {@code True}, {@code None}, {@code [1, 'a']}, <code>{'k': 'v'}</code>).
 */
final class PythonRepr {

	private PythonRepr() {
	}

	/**
	 * Renders a value as Python 3's {@code repr}.
	 *
	 * @param value a JSON-compatible Java value
	 * @return the Python spelling
	 * @throws IllegalArgumentException for values that have no JSON form
	 */
	static String repr(Object value) {
		StringBuilder out = new StringBuilder();
		append(out, value);
		return out.toString();
	}

	/**
	 * Renders a value as Python 3's {@code str}: strings as they are, everything else as
	 * {@link #repr(Object)}.
	 *
	 * @param value a JSON-compatible Java value
	 * @return the Python {@code str} form
	 */
	static String str(Object value) {
		return value instanceof String text ? text : repr(value);
	}

	private static void append(StringBuilder out, Object value) {
		if (value == null) {
			out.append("None");
		}
		else if (value instanceof String text) {
			appendString(out, text);
		}
		else if (value instanceof Boolean flag) {
			out.append(flag ? "True" : "False");
		}
		else if (value instanceof Double || value instanceof Float) {
			appendFloat(out, ((Number) value).doubleValue());
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short
				|| value instanceof Byte || value instanceof BigInteger) {
			out.append(value);
		}
		else if (value instanceof Number number) {
			out.append(number.toString());
		}
		else if (value instanceof List<?> list) {
			appendList(out, list);
		}
		else if (value instanceof Map<?, ?> map) {
			appendMap(out, map);
		}
		else {
			throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
		}
	}

	private static void appendFloat(StringBuilder out, double d) {
		if (Double.isNaN(d)) {
			out.append("nan");
		}
		else if (Double.isInfinite(d)) {
			out.append(d > 0 ? "inf" : "-inf");
		}
		else {
			out.append(NodeProperties.formatFloat(d));
		}
	}

	private static void appendList(StringBuilder out, List<?> list) {
		out.append('[');
		for (Iterator<?> it = list.iterator(); it.hasNext();) {
			append(out, it.next());
			if (it.hasNext()) {
				out.append(", ");
			}
		}
		out.append(']');
	}

	private static void appendMap(StringBuilder out, Map<?, ?> map) {
		out.append('{');
		for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext();) {
			Map.Entry<?, ?> entry = it.next();
			append(out, entry.getKey());
			out.append(": ");
			append(out, entry.getValue());
			if (it.hasNext()) {
				out.append(", ");
			}
		}
		out.append('}');
	}

	private static void appendString(StringBuilder out, String text) {
		char quote = text.indexOf('\'') >= 0 && text.indexOf('"') < 0 ? '"' : '\'';
		out.append(quote);
		text.codePoints().forEach(c -> appendCodePoint(out, c, quote));
		out.append(quote);
	}

	private static void appendCodePoint(StringBuilder out, int c, char quote) {
		if (c == quote || c == '\\') {
			out.append('\\').appendCodePoint(c);
		}
		else if (c == '\t') {
			out.append("\\t");
		}
		else if (c == '\n') {
			out.append("\\n");
		}
		else if (c == '\r') {
			out.append("\\r");
		}
		else if (isPrintable(c)) {
			out.appendCodePoint(c);
		}
		else if (c <= 0xff) {
			out.append(String.format("\\x%02x", c));
		}
		else if (c <= 0xffff) {
			out.append(String.format("\\u%04x", c));
		}
		else {
			out.append(String.format("\\U%08x", c));
		}
	}

	/** Python's {@code str.isprintable} for one code point (space is printable). */
	private static boolean isPrintable(int c) {
		if (c == ' ') {
			return true;
		}
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
					Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.SPACE_SEPARATOR -> false;
			default -> true;
		};
	}
}
