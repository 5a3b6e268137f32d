package io.zkboot.core;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NodePropertiesTests {

	private static String encode(Map<String, ?> properties) {
		return new String(NodeProperties.encode(properties), StandardCharsets.UTF_8);
	}

	private static Map<String, Object> decode(String data) {
		return NodeProperties.decode(data.getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void encodesCompactJsonInKeyOrder() {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("threads", 3);
		props.put("address", "1.2.3.4:80");
		props.put("providers ->", "/cms/providers");
		props.put("list", List.of(1, "a", true));
		props.put("none", null);
		assertThat(encode(props))
				.isEqualTo("{\"threads\":3,\"address\":\"1.2.3.4:80\",\"providers ->\":\"/cms/providers\",\"list\":[1,\"a\",true],\"none\":null}");
	}

	@Test
	void encodesEmptyAsBraces() {
		assertThat(encode(Map.of())).isEqualTo("{}");
	}

	@Test
	void encodesLoneStringValueRaw() {
		assertThat(encode(Map.of("string_value", "hello world"))).isEqualTo("hello world");
		assertThatIllegalArgumentException().isThrownBy(() -> NodeProperties.encode(Map.of("string_value", 42)));
	}

	@Test
	void escapesNonAsciiAndControlsAsPythonDoes() {
		assertThat(encode(Map.of("k", "caf\u00e9 \u2603 \ud83d\ude00\n\t\u0001\u007f")))
				.isEqualTo("{\"k\":\"caf\\u00e9 \\u2603 \\ud83d\\ude00\\n\\t\\u0001\\u007f\"}");
	}

	@Test
	void writesFloatsAsPython() {
		Map<String, Object> props = new LinkedHashMap<>();
		props.put("a", 0.1);
		props.put("b", 1e16);
		props.put("c", 1e-5);
		props.put("d", 1e15);
		props.put("e", Double.NaN);
		props.put("f", Double.NEGATIVE_INFINITY);
		props.put("g", -0.0);
		props.put("h", new BigInteger("123456789012345678901234567890"));
		assertThat(encode(props)).isEqualTo(
				"{\"a\":0.1,\"b\":1e+16,\"c\":1e-05,\"d\":1000000000000000.0,\"e\":NaN,\"f\":-Infinity,\"g\":-0.0,"
						+ "\"h\":123456789012345678901234567890}");
	}

	@Test
	void formatsFloatsAsPythonRepr() {
		assertThat(NodeProperties.formatFloat(1.5)).isEqualTo("1.5");
		assertThat(NodeProperties.formatFloat(3.0)).isEqualTo("3.0");
		assertThat(NodeProperties.formatFloat(0.0001)).isEqualTo("0.0001");
		assertThat(NodeProperties.formatFloat(2.5e-5)).isEqualTo("2.5e-05");
		assertThat(NodeProperties.formatFloat(1.2345678901234568e17)).isEqualTo("1.2345678901234568e+17");
		assertThat(NodeProperties.formatFloat(-1e100)).isEqualTo("-1e+100");
		assertThat(NodeProperties.formatFloat(1.0 / 3)).isEqualTo("0.3333333333333333");
	}

	@Test
	void decodesJsonObjectsKeepingOrderAndBigNumbers() {
		Map<String, Object> props = decode(" {\"z\":1,\"a\":12345678901234567890,\"n\":NaN,\"i\":-Infinity,\"a\":2} ");
		assertThat(props).isInstanceOf(LinkedHashMap.class);
		assertThat(props.keySet()).containsExactly("z", "a", "n", "i");
		assertThat(props.get("a")).isEqualTo(2);
		assertThat((Double) props.get("n")).isNaN();
		assertThat(props.get("i")).isEqualTo(Double.NEGATIVE_INFINITY);
		assertThat(decode("{\"big\":12345678901234567890}").get("big")).isEqualTo(new BigInteger("12345678901234567890"));
	}

	@Test
	void decodesEmptyAndBlankAsNoProperties() {
		assertThat(NodeProperties.decode(null)).isEmpty();
		assertThat(decode("")).isEmpty();
		assertThat(decode(" \n\t")).isEmpty();
		assertThat(decode("{}")).isEmpty();
	}

	@Test
	void decodesOtherDataAsStringValueUntrimmed() {
		assertThat(decode("42")).containsExactly(Map.entry("string_value", "42"));
		assertThat(decode("[1, 2]")).containsExactly(Map.entry("string_value", "[1, 2]"));
		assertThat(decode("hello")).containsExactly(Map.entry("string_value", "hello"));
		assertThat(decode(" x {\"a\": 1}")).containsExactly(Map.entry("string_value", " x {\"a\": 1}"));
	}

	@Test
	void refusesDataThatStartsLikeAnObjectButIsNotJsonNamingTheNodeAndPlaceButNotTheData() {
		assertThatExceptionOfType(InvalidNodeDataException.class)
			.isThrownBy(() -> NodeProperties.decode("/config/db",
					bytes("{\"url\": \"jdbc:secret\", \"pool\": {\"max\": 7")))
			.withMessage("node /config/db holds invalid JSON (it ends too early) at line 1, column 41")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(1));
		assertThatExceptionOfType(InvalidNodeDataException.class)
			.isThrownBy(() -> NodeProperties.decode("/config/db", bytes("\n{\n  \"password\": hunter2\n}\n")))
			.withMessage("node /config/db holds invalid JSON at line 3, column 15")
			.withMessageNotContaining("hunter2");
		assertThatExceptionOfType(InvalidNodeDataException.class)
			.isThrownBy(() -> decode("{\"a\":1} {\"b\":2}"))
			.withMessageStartingWith("the node holds invalid JSON at line 1, column");
		assertThatExceptionOfType(InvalidNodeDataException.class).isThrownBy(() -> decode("\n{xxx}\n"));
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Test
	void roundTripsStoredBytes() {
		String stored = "{\"a\":\"caf\\u00e9\",\"b\":[1,2.5,null],\"c\":{\"x\":false}}";
		assertThat(encode(decode(stored))).isEqualTo(stored);
	}
}
