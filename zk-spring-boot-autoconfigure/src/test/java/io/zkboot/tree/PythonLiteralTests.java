package io.zkboot.tree;

import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PythonLiteralTests {

	@Test
	void readsStringsInEveryForm() {
		assertThat(PythonLiteral.parse("'1.2.3.4:80'")).isEqualTo("1.2.3.4:80");
		assertThat(PythonLiteral.parse("\"q\"")).isEqualTo("q");
		assertThat(PythonLiteral.parse("\"\"\"t\"\"\"")).isEqualTo("t");
		assertThat(PythonLiteral.parse("'''both ' and \"'''")).isEqualTo("both ' and \"");
		assertThat(PythonLiteral.parse("u'/databases/foomain'")).isEqualTo("/databases/foomain");
		assertThat(PythonLiteral.parse("U'x'")).isEqualTo("x");
		assertThat(PythonLiteral.parse("r'a\\b'")).isEqualTo("a\\b");
		assertThat(PythonLiteral.parse("ur'\\''")).isEqualTo("\\'");
		assertThat(PythonLiteral.parse("b'x'")).isEqualTo("x");
		assertThat(PythonLiteral.parse("'a' \"b\"")).isEqualTo("ab");
		assertThat(PythonLiteral.parse("'#'")).isEqualTo("#");
	}

	@Test
	void readsEscapes() {
		assertThat(PythonLiteral.parse("'\\t\\n\\\\\\'\\x41\\101\\u00e9\\U0001F600\\N{SNOWMAN}\\q'"))
				.isEqualTo("\t\n\\'AA\u00e9\ud83d\ude00\u2603\\q");
		assertThat(PythonLiteral.parse("b'\\u00e9'")).isEqualTo("\\u00e9");
	}

	@Test
	void readsNumbers() {
		assertThat(PythonLiteral.parse("10")).isEqualTo(10);
		assertThat(PythonLiteral.parse("-5")).isEqualTo(-5);
		assertThat(PythonLiteral.parse("+3")).isEqualTo(3);
		assertThat(PythonLiteral.parse("- -3")).isEqualTo(3);
		assertThat(PythonLiteral.parse("10L")).isEqualTo(10);
		assertThat(PythonLiteral.parse("0x1F")).isEqualTo(31);
		assertThat(PythonLiteral.parse("0o17")).isEqualTo(15);
		assertThat(PythonLiteral.parse("0b101")).isEqualTo(5);
		assertThat(PythonLiteral.parse("010")).isEqualTo(8);
		assertThat(PythonLiteral.parse("0")).isEqualTo(0);
		assertThat(PythonLiteral.parse("5000000000")).isEqualTo(5000000000L);
		assertThat(PythonLiteral.parse("12345678901234567890")).isEqualTo(new BigInteger("12345678901234567890"));
		assertThat(PythonLiteral.parse("1.5")).isEqualTo(1.5);
		assertThat(PythonLiteral.parse(".5")).isEqualTo(0.5);
		assertThat(PythonLiteral.parse("5.")).isEqualTo(5.0);
		assertThat(PythonLiteral.parse("1e3")).isEqualTo(1000.0);
		assertThat(PythonLiteral.parse("-0.0")).isEqualTo(-0.0);
	}

	@Test
	void readsConstantsAndContainers() {
		assertThat(PythonLiteral.parse("True")).isEqualTo(true);
		assertThat(PythonLiteral.parse("false")).isEqualTo(false);
		assertThat(PythonLiteral.parse("None")).isNull();
		assertThat(PythonLiteral.parse("null")).isNull();
		assertThat(PythonLiteral.parse("[1, 'x',]")).isEqualTo(List.of(1, "x"));
		assertThat(PythonLiteral.parse("[]")).isEqualTo(List.of());
		assertThat(PythonLiteral.parse("(1, 2)")).isEqualTo(List.of(1, 2));
		assertThat(PythonLiteral.parse("(1,)")).isEqualTo(List.of(1));
		assertThat(PythonLiteral.parse("()")).isEqualTo(List.of());
		assertThat(PythonLiteral.parse("(1)")).isEqualTo(1);
		Map<String, Object> dict = new LinkedHashMap<>();
		dict.put("k", List.of(1));
		dict.put("2", null);
		dict.put("null", 1);
		dict.put("False", 0);
		assertThat(PythonLiteral.parse("{'k': [1], 2: None, None: 1, False: 0}")).isEqualTo(dict);
		assertThat(PythonLiteral.parse("1 # one")).isEqualTo(1);
	}

	@Test
	void rejectsCodeWithOffset() {
		assertRejected("1+2", 1, "expected the end of the value, found '+'");
		assertRejected("foo", 0, "unsupported expression: name 'foo' (values must be literals)");
		assertRejected("len('abc')", 0, "unsupported expression: name 'len' (values must be literals)");
		assertRejected("[1, x]", 4, "unsupported expression: name 'x' (values must be literals)");
		assertRejected("'abc", 0, "unterminated string");
		assertRejected("1j", 0, "bad number");
		assertRejected("08", 0, "bad number");
		assertRejected("-'a'", 0, "a sign must be followed by a number");
		assertRejected("{[1]: 2}", 1, "a dict key must be a string, number, boolean or None");
		assertRejected("", 0, "expected a value, found the end of the line");
	}

	private static void assertRejected(String text, int offset, String reason) {
		assertThatThrownBy(() -> PythonLiteral.parse(text)).isInstanceOfSatisfying(LiteralSyntaxException.class, ex -> {
			assertThat(ex.reason()).isEqualTo(reason);
			assertThat(ex.offset()).isEqualTo(offset);
		});
	}
}
