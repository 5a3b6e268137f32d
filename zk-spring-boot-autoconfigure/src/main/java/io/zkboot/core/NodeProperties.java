package io.zkboot.core;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.UnexpectedEndOfInputException;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.SerializableString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The codec between a node's properties and its data, byte-compatible with zc.zk.
 *
 * <p>Encoding: a map holding only {@value #STRING_VALUE} is written as that string (UTF-8,
 * not JSON); any other map is written as compact JSON ({@code {}} when empty) with non-ASCII
 * characters escaped as lowercase {@code \}{@code uXXXX}, floats in Python's shortest form
 * ({@code 1e+16}, {@code 0.1}) and non-finite floats as {@code NaN}, {@code Infinity}.
 *
 * <p>Decoding: absent or blank data is the empty map; data whose trimmed form starts with
 * <code>{</code> is a JSON object (key order kept, integers of any size kept,
 * {@code NaN}/{@code Infinity} accepted, the last of duplicate keys wins) or, when it does not
 * parse, an {@link InvalidNodeDataException} (zc.zk reads such data as {@value #STRING_VALUE},
 * so a truncated write would silently replace good properties); anything else is the single
 * property {@value #STRING_VALUE} holding the untrimmed data as text.
 */
public final class NodeProperties {

	/** The pseudo-property holding node data that is not a JSON object. */
	public static final String STRING_VALUE = "string_value";

	private static final JsonMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
					.characterEscapes(new AsciiOnlyEscapes()).build())
			.enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
			.enable(JsonWriteFeature.ESCAPE_NON_ASCII)
			.disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
			.disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
			.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
			.addModule(new SimpleModule("python-floats").addSerializer(Double.class, new PythonFloatSerializer()))
			.build();

	private NodeProperties() {
	}

	/**
	 * Encodes properties as node data, as zc.zk writes them.
	 *
	 * @param properties the properties; values are JSON-compatible Java values (String, Number,
	 *                   Boolean, null, List, Map with String keys)
	 * @return the node data
	 * @throws IllegalArgumentException if a lone {@value #STRING_VALUE} is not a string or a value
	 *                                  cannot be written as JSON
	 */
	public static byte[] encode(Map<String, ?> properties) {
		if (properties.size() == 1 && properties.containsKey(STRING_VALUE)) {
			Object raw = properties.get(STRING_VALUE);
			if (!(raw instanceof String text)) {
				throw new IllegalArgumentException(STRING_VALUE + " must be a string, not " + raw);
			}
			return text.getBytes(StandardCharsets.UTF_8);
		}
		return toJson(properties).getBytes(StandardCharsets.US_ASCII);
	}

	/**
	 * Decodes node data into properties, as zc.zk reads them.
	 *
	 * @param data the node data, may be {@code null}
	 * @return a new mutable map in stored key order
	 * @throws InvalidNodeDataException if the data starts with <code>{</code> but is not valid
	 *                                  JSON (the message names no node; prefer
	 *                                  {@link #decode(String, byte[])})
	 */
	public static Map<String, Object> decode(byte @Nullable [] data) {
		return decode(null, data);
	}

	/**
	 * Decodes a node's data into properties, as zc.zk reads them.
	 *
	 * @param path the node's path, for the message
	 * @param data the node data, may be {@code null}
	 * @return a new mutable map in stored key order
	 * @throws InvalidNodeDataException if the data starts with <code>{</code> but is not valid
	 *                                  JSON, naming the node and the line and column of the error
	 */
	public static Map<String, Object> decode(@Nullable String path, byte @Nullable [] data) {
		if (data == null) {
			return new LinkedHashMap<>();
		}
		String text = new String(data, StandardCharsets.UTF_8);
		String trimmed = text.strip();
		if (trimmed.isEmpty()) {
			return new LinkedHashMap<>();
		}
		if (trimmed.startsWith("{")) {
			try {
				@SuppressWarnings("unchecked")
				Map<String, Object> map = MAPPER.readValue(text, LinkedHashMap.class);
				return map;
			}
			catch (JacksonException notJson) {
				TokenStreamLocation at = notJson.getLocation();
				String problem = (notJson instanceof UnexpectedEndOfInputException) ? "invalid JSON (it ends too early)"
						: "invalid JSON";
				throw new InvalidNodeDataException(path, (at != null) ? at.getLineNr() : 1, (at != null) ? at.getColumnNr() : 1,
						problem);
			}
		}
		Map<String, Object> single = new LinkedHashMap<>();
		single.put(STRING_VALUE, text);
		return single;
	}

	/**
	 * Writes one value (or a whole properties map) as zc.zk's compact JSON.
	 *
	 * @param value a JSON-compatible Java value
	 * @return the compact, ASCII-only JSON text
	 * @throws IllegalArgumentException if the value cannot be written as JSON
	 */
	public static String toJson(Object value) {
		try {
			return MAPPER.writeValueAsString(value);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("not JSON serializable: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * Tells whether two values are the same JSON value: objects compare without regard to key
	 * order, numbers by their JSON spelling (so {@code 1} and {@code 1.0} differ).
	 *
	 * @param a a JSON-compatible Java value
	 * @param b a JSON-compatible Java value
	 * @return whether both have the same JSON form
	 */
	public static boolean sameJson(Object a, Object b) {
		return MAPPER.readTree(toJson(a)).equals(MAPPER.readTree(toJson(b)));
	}

	/**
	 * Formats a finite double as Python's {@code repr} does: the shortest digits that read
	 * back as the same double, positional between 1e-4 and 1e16 (always with a {@code .}),
	 * scientific otherwise ({@code 1e+16}, {@code 2.5e-05}).
	 *
	 * @param value a finite double
	 * @return the Python spelling
	 * @throws IllegalArgumentException if the value is NaN or infinite
	 */
	public static String formatFloat(double value) {
		if (!Double.isFinite(value)) {
			throw new IllegalArgumentException("not finite: " + value);
		}
		if (value == 0) {
			return (1 / value < 0) ? "-0.0" : "0.0";
		}
		BigDecimal shortest = shortestDecimal(value);
		String digits = shortest.unscaledValue().abs().toString().replaceAll("0+$", "");
		int exponent = shortest.precision() - shortest.scale() - 1;
		String sign = value < 0 ? "-" : "";
		if (exponent < -4 || exponent >= 16) {
			String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
			String exp = String.format("%02d", Math.abs(exponent));
			return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
		}
		String plain = shortest.abs().toPlainString();
		return sign + (plain.contains(".") ? plain : plain + ".0");
	}

	private static BigDecimal shortestDecimal(double value) {
		BigDecimal exact = new BigDecimal(value);
		for (int precision = 1; precision < 17; precision++) {
			BigDecimal candidate = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
			if (candidate.doubleValue() == value) {
				return candidate.stripTrailingZeros();
			}
		}
		return exact.round(new MathContext(17, RoundingMode.HALF_EVEN)).stripTrailingZeros();
	}

	/** Writes doubles as Python's json module does. */
	private static final class PythonFloatSerializer extends ValueSerializer<Double> {

		@Override
		public void serialize(Double value, JsonGenerator generator, SerializationContext context) {
			double d = value;
			if (Double.isNaN(d)) {
				generator.writeRawValue("NaN");
			}
			else if (Double.isInfinite(d)) {
				generator.writeRawValue(d > 0 ? "Infinity" : "-Infinity");
			}
			else {
				generator.writeRawValue(formatFloat(d));
			}
		}
	}

	/** Escapes DEL as well, as Python's json module does; non-ASCII is escaped by the generator. */
	private static final class AsciiOnlyEscapes extends CharacterEscapes {

		private final int[] escapes = standardAsciiEscapesForJSON();

		AsciiOnlyEscapes() {
			escapes[0x7f] = ESCAPE_STANDARD;
		}

		@Override
		public int[] getEscapeCodesForAscii() {
			return escapes;
		}

		@Override
		public @Nullable SerializableString getEscapeSequence(int ch) {
			return null;
		}
	}
}
