package io.zkboot.tree;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zkboot.core.NodeProperties;
import org.jspecify.annotations.Nullable;

/**
 * Reads a property value written as a Python literal, never running code.
 *
 * <p>Accepted: strings in every quote form ({@code 'a'}, {@code "a"}, {@code '''a'''},
 * {@code """a"""}) with {@code u}, {@code r}, {@code b} prefixes and adjacent strings joined;
 * integers of any size in decimal, hex, octal ({@code 0o17} and legacy {@code 017}) and binary,
 * with an optional {@code L}; floats; {@code True}, {@code False}, {@code None} and JSON's
 * {@code true}, {@code false}, {@code null}; lists, tuples (read as lists) and dicts; signs on
 * numbers; a trailing {@code # comment}. Lists, tuples and dicts nest at most
 * {@value #MAX_NESTING} levels deep. Strings follow Python 3 rules: &#92;x, &#92;u,
 * &#92;U and &#92;N{...} escapes give code points (bytes literals keep
 * &#92;u, &#92;U and &#92;N as written).
 *
 * <p>Results are JSON-compatible Java values: {@link String}, {@link Integer}, {@link Long} or
 * {@link BigInteger}, {@link Double}, {@link Boolean}, {@code null}, {@link List} and
 * {@link Map} (string keys, written order).
 */
public final class PythonLiteral {

	private static final Pattern PREFIXED_INT = Pattern.compile("0([xX][0-9a-fA-F]+|[oO][0-7]+|[bB][01]+)[lL]?");

	private static final Pattern FLOAT = Pattern.compile("(\\d+\\.\\d*|\\.\\d+)([eE][+-]?\\d+)?|\\d+[eE][+-]?\\d+");

	private static final Pattern INT = Pattern.compile("(0[0-7]*|[1-9]\\d*)[lL]?");

	private static final Set<String> STRING_PREFIXES = Set.of("", "u", "r", "b", "ur", "br", "rb");

	/**
	 * How deep lists, tuples and dicts may nest: the node's data, one object deeper, then
	 * nests 500 levels, the most Jackson reads by default (Python's json reads about 990).
	 */
	static final int MAX_NESTING = 499;

	private final String text;

	private int pos;

	private int depth;

	private PythonLiteral(String text) {
		this.text = text;
	}

	/**
	 * Reads one value.
	 *
	 * @param text the value text, for example {@code '1.2.3.4:80'} or {@code [1, 2]  # two}
	 * @return the value ({@code null} for {@code None})
	 * @throws LiteralSyntaxException if the text is not a single accepted literal
	 */
	public static @Nullable Object parse(String text) {
		PythonLiteral parser = new PythonLiteral(text);
		parser.skipSpace();
		Object value = parser.value();
		parser.skipSpace();
		if (parser.pos < text.length() && text.charAt(parser.pos) != '#') {
			throw parser.error("expected the end of the value, found " + parser.found());
		}
		return value;
	}

	private @Nullable Object value() {
		if (pos >= text.length()) {
			throw error("expected a value, found the end of the line");
		}
		char c = text.charAt(pos);
		if (c == '[' || c == '(' || c == '{') {
			if (depth == MAX_NESTING) {
				throw error("lists, tuples and dicts nest deeper than " + MAX_NESTING + " levels");
			}
			depth++;
			Object nested = (c == '[') ? sequence(']') : (c == '(') ? parenthesized() : dict();
			depth--;
			return nested;
		}
		if (c == '+' || c == '-' || Character.isDigit(c) || c == '.' && nextIsDigit()) {
			return signedNumber();
		}
		if (c == '\'' || c == '"' || Character.isLetter(c) || c == '_') {
			return wordOrString();
		}
		throw error("expected a value, found " + found());
	}

	private boolean nextIsDigit() {
		return pos + 1 < text.length() && Character.isDigit(text.charAt(pos + 1));
	}

	private Object signedNumber() {
		int start = pos;
		boolean negative = false;
		while (pos < text.length() && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
			negative ^= text.charAt(pos) == '-';
			pos++;
			skipSpace();
		}
		if (pos >= text.length() || !(Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.' && nextIsDigit())) {
			pos = start;
			throw error("a sign must be followed by a number");
		}
		return number(negative);
	}

	private Object number(boolean negative) {
		int start = pos;
		Object value;
		if (lookingAt(PREFIXED_INT)) {
			String body = text.substring(start + 2, pos).replaceAll("[lL]$", "");
			int radix = switch (Character.toLowerCase(text.charAt(start + 1))) {
				case 'x' -> 16;
				case 'o' -> 8;
				default -> 2;
			};
			value = integer(new BigInteger(body, radix), negative);
		}
		else if (lookingAt(FLOAT)) {
			double d = Double.parseDouble(text.substring(start, pos));
			value = negative ? -d : d;
		}
		else if (lookingAt(INT)) {
			String digits = text.substring(start, pos).replaceAll("[lL]$", "");
			int radix = digits.length() > 1 && digits.startsWith("0") ? 8 : 10;
			value = integer(new BigInteger(digits, radix), negative);
		}
		else {
			throw error("bad number");
		}
		if (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_' || text.charAt(pos) == '.')) {
			pos = start;
			throw error("bad number");
		}
		return value;
	}

	private static Object integer(BigInteger magnitude, boolean negative) {
		BigInteger value = negative ? magnitude.negate() : magnitude;
		if (value.bitLength() < 32) {
			return value.intValue();
		}
		if (value.bitLength() < 64) {
			return value.longValue();
		}
		return value;
	}

	private boolean lookingAt(Pattern pattern) {
		Matcher matcher = pattern.matcher(text).region(pos, text.length());
		if (matcher.lookingAt()) {
			pos = matcher.end();
			return true;
		}
		return false;
	}

	private @Nullable Object wordOrString() {
		int start = pos;
		while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
			pos++;
		}
		String word = text.substring(start, pos);
		if (pos < text.length() && isQuote(text.charAt(pos)) && STRING_PREFIXES.contains(word.toLowerCase())) {
			pos = start;
			return strings();
		}
		return switch (word) {
			case "True", "true" -> Boolean.TRUE;
			case "False", "false" -> Boolean.FALSE;
			case "None", "null" -> null;
			default -> {
				pos = start;
				throw error("unsupported expression: name '" + word + "' (values must be literals)");
			}
		};
	}

	private static boolean isQuote(char c) {
		return c == '\'' || c == '"';
	}

	private String strings() {
		StringBuilder joined = new StringBuilder();
		do {
			joined.append(string());
			skipSpace();
		} while (atString());
		return joined.toString();
	}

	private boolean atString() {
		int p = pos;
		while (p < text.length() && p - pos < 2 && Character.isLetter(text.charAt(p))) {
			p++;
		}
		return p < text.length() && isQuote(text.charAt(p))
				&& STRING_PREFIXES.contains(text.substring(pos, p).toLowerCase());
	}

	private String string() {
		int start = pos;
		String prefix = "";
		while (!isQuote(text.charAt(pos))) {
			prefix += Character.toLowerCase(text.charAt(pos++));
		}
		boolean raw = prefix.contains("r");
		boolean bytes = prefix.contains("b");
		char q = text.charAt(pos);
		String delimiter = text.startsWith(String.valueOf(q).repeat(3), pos) ? String.valueOf(q).repeat(3) : String.valueOf(q);
		pos += delimiter.length();
		StringBuilder out = new StringBuilder();
		while (true) {
			if (pos >= text.length()) {
				pos = start;
				throw error("unterminated string");
			}
			if (text.startsWith(delimiter, pos)) {
				pos += delimiter.length();
				return out.toString();
			}
			char c = text.charAt(pos);
			if (c == '\\' && pos + 1 < text.length()) {
				if (raw) {
					out.append(c).append(text.charAt(pos + 1));
					pos += 2;
				}
				else {
					escape(out, bytes);
				}
			}
			else {
				out.append(c);
				pos++;
			}
		}
	}

	private void escape(StringBuilder out, boolean bytes) {
		int start = pos;
		char c = text.charAt(pos + 1);
		pos += 2;
		switch (c) {
			case '\\', '\'', '"' -> out.append(c);
			case 'a' -> out.append('\u0007');
			case 'b' -> out.append('\b');
			case 'f' -> out.append('\f');
			case 'n' -> out.append('\n');
			case 'r' -> out.append('\r');
			case 't' -> out.append('\t');
			case 'v' -> out.append('\u000b');
			case 'x' -> out.appendCodePoint(hexEscape(start, 2));
			case 'u' -> appendUnlessBytes(out, bytes, start, 4);
			case 'U' -> appendUnlessBytes(out, bytes, start, 8);
			case 'N' -> namedEscape(out, bytes, start);
			default -> {
				if (c >= '0' && c <= '7') {
					pos--;
					int end = pos;
					while (end < text.length() && end < pos + 3 && text.charAt(end) >= '0' && text.charAt(end) <= '7') {
						end++;
					}
					out.appendCodePoint(Integer.parseInt(text.substring(pos, end), 8));
					pos = end;
				}
				else {
					out.append('\\').append(c);
				}
			}
		}
	}

	private void appendUnlessBytes(StringBuilder out, boolean bytes, int start, int digits) {
		if (bytes) {
			out.append(text, start, pos);
		}
		else {
			out.appendCodePoint(hexEscape(start, digits));
		}
	}

	private int hexEscape(int start, int digits) {
		int end = pos + digits;
		if (end > text.length() || !text.substring(pos, end).matches("[0-9a-fA-F]+")) {
			pos = start;
			throw error("truncated \\" + text.charAt(start + 1) + " escape");
		}
		int codePoint = Integer.parseUnsignedInt(text.substring(pos, end), 16);
		if (!Character.isValidCodePoint(codePoint)) {
			pos = start;
			throw error("illegal Unicode character in escape");
		}
		pos = end;
		return codePoint;
	}

	private void namedEscape(StringBuilder out, boolean bytes, int start) {
		int close = text.indexOf('}', pos);
		if (bytes) {
			out.append("\\N");
			return;
		}
		if (pos >= text.length() || text.charAt(pos) != '{' || close < 0) {
			pos = start;
			throw error("malformed \\N character escape");
		}
		try {
			out.appendCodePoint(Character.codePointOf(text.substring(pos + 1, close)));
			pos = close + 1;
		}
		catch (IllegalArgumentException unknown) {
			pos = start;
			throw error("unknown Unicode character name");
		}
	}

	private List<Object> sequence(char close) {
		pos++;
		skipSpace();
		return rest(new ArrayList<>(), close);
	}

	/** Reads the items of a sequence after those already read, up to its closing bracket. */
	private List<Object> rest(List<Object> items, char close) {
		while (!consume(close)) {
			items.add(value());
			skipSpace();
			if (!consume(',')) {
				expect(close);
				break;
			}
			skipSpace();
		}
		return items;
	}

	private @Nullable Object parenthesized() {
		pos++;
		skipSpace();
		if (consume(')')) {
			return new ArrayList<>();
		}
		Object first = value();
		skipSpace();
		if (consume(')')) {
			return first;
		}
		expect(',');
		skipSpace();
		List<Object> items = new ArrayList<>();
		items.add(first);
		return rest(items, ')');
	}

	private Map<String, Object> dict() {
		pos++;
		Map<String, Object> map = new LinkedHashMap<>();
		skipSpace();
		while (!consume('}')) {
			int keyStart = pos;
			String key = dictKey(keyStart, value());
			skipSpace();
			expect(':');
			skipSpace();
			map.put(key, value());
			skipSpace();
			if (!consume(',')) {
				expect('}');
				break;
			}
			skipSpace();
		}
		return map;
	}

	/** Dict keys become JSON object keys as Python's json module converts them. */
	private String dictKey(int keyStart, @Nullable Object key) {
		if (key instanceof String text) {
			return text;
		}
		if (key == null) {
			return "null";
		}
		if (key instanceof Boolean flag) {
			return flag ? "True" : "False";
		}
		if (key instanceof Double d) {
			return NodeProperties.toJson(d);
		}
		if (key instanceof Number) {
			return key.toString();
		}
		pos = keyStart;
		throw error("a dict key must be a string, number, boolean or None");
	}

	private boolean consume(char c) {
		if (pos < text.length() && text.charAt(pos) == c) {
			pos++;
			return true;
		}
		return false;
	}

	private void expect(char c) {
		if (!consume(c)) {
			throw error("expected '" + c + "', found " + found());
		}
	}

	private void skipSpace() {
		while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t' || text.charAt(pos) == '\f')) {
			pos++;
		}
	}

	private String found() {
		return pos >= text.length() ? "the end of the line" : "'" + text.charAt(pos) + "'";
	}

	private LiteralSyntaxException error(String reason) {
		return new LiteralSyntaxException(pos, reason);
	}
}
