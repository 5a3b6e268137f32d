package io.zkboot.tree;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TreeParserTests {

	private static TreeNode parse(String text) {
		return TreeParser.parse(text, "zk/services.tree");
	}

	private static void assertError(String text, int line, int column, String reason) {
		assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(TreeSyntaxException.class, ex -> {
			assertThat(ex.getMessage()).isEqualTo("zk/services.tree:" + line + ":" + column + ": " + reason);
			assertThat(ex.line()).isEqualTo(line);
			assertThat(ex.column()).isEqualTo(column);
			assertThat(ex.reason()).isEqualTo(reason);
		});
	}

	@Test
	void parsesTheSeedTree() {
		TreeNode root = parse(SeedTrees.FIRST);
		assertThat(root.children()).containsOnlyKeys("lb", "cms", "retail");
		TreeNode cms = root.child("lb").orElseThrow().child("pools").orElseThrow().child("cms").orElseThrow();
		assertThat(cms.properties()).containsExactly(Map.entry("address", "1.2.3.4:80"),
				Map.entry("providers ->", "/cms/providers"));
		assertThat(cms.links()).containsExactly(Map.entry("providers", "/cms/providers"));
		TreeNode retail = root.child("retail").orElseThrow();
		assertThat(retail.type()).contains("z4m retail");
		assertThat(retail.properties()).containsExactly(Map.entry("type", "z4m retail"), Map.entry("threads", 1));
		assertThat(retail.children()).containsOnlyKeys("databases", "providers");
		assertThat(retail.location()).contains(new Location("zk/services.tree", 19, 1));
		assertThat(cms.propertyLocation("address")).contains(new Location("zk/services.tree", 6, 7));
	}

	@Test
	void parsesPropertyLinks() {
		TreeNode cms = parse(SeedTrees.PROPERTY_LINKS).child("cms").orElseThrow();
		assertThat(cms.properties()).containsEntry("threads =>", "/fooservice threads");
		assertThat(cms.propertyLinks()).containsExactly(Map.entry("threads", "/fooservice threads"));
		assertThat(parse("/a\n  p =>   /x    y\n").child("a").orElseThrow().properties()).containsEntry("p =>", "/x    y");
		assertThat(parse("/a\n  p => /x q /r\n").child("a").orElseThrow().properties()).containsEntry("p =>", "/x q");
	}

	@Test
	void followsTheGreedyLineRules() {
		assertThat(parse("/lb: ipvs").child("lb").orElseThrow().type()).contains("ipvs");
		assertThat(parse("/lb :ipvs").child("lb").orElseThrow().type()).contains("ipvs");
		assertThat(parse("/lb:ipvs").child("lb:ipvs").orElseThrow().type()).isEmpty();
		assertThat(parse("/192.168.0.42:8080").children()).containsOnlyKeys("192.168.0.42:8080");
		assertThat(parse("/a:b : c d").child("a:b").orElseThrow().type()).contains("c d");
		assertThat(parse("/a : t # c").child("a").orElseThrow().type()).contains("t # c");
		TreeNode a = parse("/a\n  x==1\n  x = 'b=c'\n  l->/x=1\n  m -> /x=1\n  /b = 1\n  /c->d\n  y = 1 # one\n")
				.child("a").orElseThrow();
		assertThat(a.properties()).containsExactly(Map.entry("x=", 1), Map.entry("x", "b=c"), Map.entry("l->/x", 1),
				Map.entry("m ->", "/x=1"), Map.entry("/b", 1), Map.entry("/c ->", "d"), Map.entry("y", 1));
		assertThat(parse("/a\n  x='y=>z'\n").child("a").orElseThrow().properties()).containsEntry("x='y =>", "z'");
	}

	@Test
	void attachesByIndentation() {
		TreeNode a = parse("/a\n  /b\n  x = 1\n    /c\n").child("a").orElseThrow();
		assertThat(a.properties()).containsEntry("x", 1);
		assertThat(a.child("b").orElseThrow().children()).containsOnlyKeys("c");
		TreeNode tabbed = parse("\t/a\n\t /b\n \t x = [1, (2, 3)]\n\t/c\n");
		assertThat(tabbed.children()).containsOnlyKeys("a", "c");
		assertThat(tabbed.child("a").orElseThrow().child("b").orElseThrow().properties())
				.containsEntry("x", List.of(1, List.of(2, 3)));
		assertThat(parse("").children()).isEmpty();
		assertThat(parse("\n# only a comment\n\n").children()).isEmpty();
		assertThat(parse("/a\r\n  x = 1\r\n").child("a").orElseThrow().properties()).containsEntry("x", 1);
	}

	@Test
	void reportsBadIndentation() {
		assertError("  /a\n/b", 2, 1, "Invalid indentation");
		assertError("/a\n    /b\n  /c\n", 3, 3, "Invalid indentation");
		assertError("/a\n  x = 1\n    /c", 3, 5, "Can't indent under properties");
	}

	@Test
	void reportsBadValuesAtTheirColumn() {
		assertError("\n/test\n  a= 1+\n", 3, 7, "expected the end of the value, found '+'");
		assertError("/a\n  b = foo\n", 2, 7, "unsupported expression: name 'foo' (values must be literals)");
		assertError("/a\n  b = len('abc')\n", 2, 7, "unsupported expression: name 'len' (values must be literals)");
		assertError("/a\n  s = 'open\n", 2, 7, "unterminated string");
		assertError("/a\n  p =>\n", 2, 6, "expected a value, found '>'");
		assertError("/a\n  x='b=c'\n", 2, 8, "unsupported expression: name 'c' (values must be literals)");
	}

	@Test
	void reportsUnrecognizedLines() {
		assertError("/a b", 1, 1, "Unrecognized data: /a b");
		assertError("/a # comment", 1, 1, "Unrecognized data: /a # comment");
		assertError("/a :", 1, 1, "Unrecognized data: /a :");
		assertError("/", 1, 1, "Unrecognized data: /");
		assertError("/a\n  x =", 2, 3, "Unrecognized data: x =");
		assertError("/a\n  /b\n    a ->", 3, 5, "Bad link format: a ->");
		assertError("/a\n  l -> /x y", 2, 3, "Bad link format: l -> /x y");
	}

	@Test
	void reportsNamesGivenTwice() {
		assertError("/a\n  /b\n  /b\n", 3, 3, "duplicate node: /b (first given at line 2)");
		assertError("/a\n/a\n", 2, 1, "duplicate node: /a (first given at line 1)");
		assertError("/a\n  x = 1\n  x = 2\n", 3, 3, "duplicate property: x (first given at line 2)");
		assertError("/a : t\n  type = 'u'\n", 2, 3, "duplicate property: type (first given at line 1)");
		assertThat(parse("/a\n  /b\n/c\n  /b\n  l -> /x\n  l = 1\n  p => /y\n  p = 2\n").child("c").orElseThrow().properties())
				.containsOnlyKeys("l ->", "l", "p =>", "p");
	}

	@Test
	void rejectsPropertiesAtTheTop() {
		assertError("x = 1", 1, 1, "Can't import properties above imported nodes.");
		assertError("/y\nx = 1", 2, 1, "Can't import properties above imported nodes.");
		assertError("l -> /x", 1, 1, "Can't import properties above imported nodes.");
	}
}
