package io.zkboot.tree;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PythonReprTests {

	@Test
	void rendersStringsAsPython3() {
		assertThat(PythonRepr.repr("1.2.3.4:80")).isEqualTo("'1.2.3.4:80'");
		assertThat(PythonRepr.repr("it's")).isEqualTo("\"it's\"");
		assertThat(PythonRepr.repr("say \"hi\"")).isEqualTo("'say \"hi\"'");
		assertThat(PythonRepr.repr("both ' and \"")).isEqualTo("'both \\' and \"'");
		assertThat(PythonRepr.repr("caf\u00e9 \u2603 \ud83d\ude00")).isEqualTo("'caf\u00e9 \u2603 \ud83d\ude00'");
		assertThat(PythonRepr.repr("tab\there\nnl\\")).isEqualTo("'tab\\there\\nnl\\\\'");
		assertThat(PythonRepr.repr("\u0001\u007f\u00a0\u200b")).isEqualTo("'\\x01\\x7f\\xa0\\u200b'");
		assertThat(PythonRepr.repr("")).isEqualTo("''");
	}

	@Test
	void rendersOtherValues() {
		assertThat(PythonRepr.repr(3)).isEqualTo("3");
		assertThat(PythonRepr.repr(new BigInteger("12345678901234567890"))).isEqualTo("12345678901234567890");
		assertThat(PythonRepr.repr(1e16)).isEqualTo("1e+16");
		assertThat(PythonRepr.repr(Double.POSITIVE_INFINITY)).isEqualTo("inf");
		assertThat(PythonRepr.repr(Double.NaN)).isEqualTo("nan");
		assertThat(PythonRepr.repr(true)).isEqualTo("True");
		assertThat(PythonRepr.repr(null)).isEqualTo("None");
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("k", Arrays.asList(1, null));
		map.put("a", Map.of());
		assertThat(PythonRepr.repr(List.of(1, "a", List.of("b"), map))).isEqualTo("[1, 'a', ['b'], {'k': [1, None], 'a': {}}]");
	}

	@Test
	void strLeavesStringsBare() {
		assertThat(PythonRepr.str("/x")).isEqualTo("/x");
		assertThat(PythonRepr.str(List.of("a"))).isEqualTo("['a']");
	}
}
