package io.zkboot.tree;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import org.apache.curator.framework.CuratorFramework;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Malformed tree texts, each imported for real into a real server: every one is refused with a
 * {@link TreeSyntaxException} naming the source, the line and the column, and nothing is
 * written.
 */
class TreeInputCorpusTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private static final String SEED = "/seed\n  threads = 3\n  /child\n    url = 'jdbc:x'\n";

	private static CuratorFramework client;

	private static ZkTemplate template;

	private static ZkTree tree;

	@BeforeAll
	static void seed() throws Exception {
		client = TreeClients.connect(zooKeeper.getConnectString());
		template = new ZkTemplate(client);
		tree = new ZkTree(template);
		tree.importTree(SEED, "seed.tree", ImportOptions.defaults());
	}

	@AfterAll
	static void stop() {
		client.close();
	}

	@ParameterizedTest(name = "[{index}] {0}")
	@MethodSource("corpus")
	void isRefusedWithItsLineAndColumnAndWritesNothing(String title, byte[] bytes, int line, int column, String reason) {
		List<ZkNode> before = template.readTree("/", true);
		String source = "corpus-" + title.replaceAll("\\W+", "-") + ".tree";
		TreeSyntaxException refused = catchThrowableOfType(TreeSyntaxException.class,
				() -> tree.importTree(TreeParser.decode(bytes, source), source, ImportOptions.defaults()));
		assertThat(refused).as(title).isNotNull();
		assertThat(refused.source()).isEqualTo(source);
		assertThat(refused.line()).as(refused.getMessage()).isEqualTo(line);
		assertThat(refused.column()).as(refused.getMessage()).isEqualTo(column);
		assertThat(refused.reason()).as(refused.getMessage()).contains(reason);
		assertThat(refused.getMessage()).startsWith(source + ":" + line + ":" + column + ": ");
		assertThat(template.readTree("/", true)).isEqualTo(before);
	}

	static Stream<Arguments> corpus() {
		List<Arguments> cases = new ArrayList<>();
		// lines zc.zk refuses
		text(cases, "unrecognized node line", "/a b", 1, 1, "Unrecognized data");
		text(cases, "comment after a node", "/a # comment", 1, 1, "Unrecognized data");
		text(cases, "node without name", "/", 1, 1, "Unrecognized data");
		text(cases, "node type missing", "/a :", 1, 1, "Unrecognized data");
		text(cases, "property without value", "/a\n  x =", 2, 3, "Unrecognized data");
		text(cases, "link without target", "/a\n  x ->", 2, 3, "Bad link format");
		text(cases, "link with two targets", "/a\n  l -> /x y", 2, 3, "Bad link format");
		text(cases, "link with a comment", "/a\n  l -> /x # c", 2, 3, "Bad link format");
		text(cases, "property at the top", "x = 1", 1, 1, "Can't import properties above imported nodes.");
		text(cases, "link at the top", "l -> /x", 1, 1, "Can't import properties above imported nodes.");
		text(cases, "property after a top node", "/y\nx = 1", 2, 1, "Can't import properties above imported nodes.");
		text(cases, "indent under a property", "/a\n  x = 1\n    /c", 3, 5, "Can't indent under properties");
		text(cases, "top-level dedent to a new column", "  /a\n/b", 2, 1, "Invalid indentation");
		text(cases, "dedent to an unknown column", "/a\n    /b\n  /c", 3, 3, "Invalid indentation");
		text(cases, "duplicate node", "/a\n/a", 2, 1, "duplicate node: /a");
		text(cases, "duplicate child", "/a\n  /b\n  /b", 3, 3, "duplicate node: /b");
		text(cases, "duplicate property", "/a\n  x = 1\n  x = 2", 3, 3, "duplicate property: x");
		text(cases, "type given twice", "/a : t\n  type = 'u'", 2, 3, "duplicate property: type");
		text(cases, "duplicate link", "/a\n  l -> /a\n  l -> /seed", 3, 3, "duplicate property: l ->");
		text(cases, "bad line after good ones", "/seed\n  threads = 4\n  /child\n    url = 'jdbc:y'\n/new\n  x = 1 +\n",
				6, 9, "expected the end of the value");
		// values that are not literals
		text(cases, "operator", "/a\n  x = 1+", 2, 8, "expected the end of the value");
		text(cases, "call", "/a\n  x = len('abc')", 2, 7, "unsupported expression: name 'len'");
		text(cases, "name", "/a\n  x = foo", 2, 7, "unsupported expression: name 'foo'");
		text(cases, "import", "/a\n  x = __import__('os').system('id')", 2, 7, "unsupported expression");
		text(cases, "lambda", "/a\n  x = lambda: 1", 2, 7, "unsupported expression: name 'lambda'");
		text(cases, "conditional", "/a\n  x = 1 if True else 2", 2, 9, "expected the end of the value");
		text(cases, "concatenation", "/a\n  x = 'a' + 'b'", 2, 11, "expected the end of the value");
		text(cases, "float call", "/a\n  x = float('inf')", 2, 7, "unsupported expression: name 'float'");
		text(cases, "set", "/a\n  x = {1, 2}", 2, 9, "expected ':'");
		text(cases, "unterminated single quote", "/a\n  x = 'abc", 2, 7, "unterminated string");
		text(cases, "unterminated double quote", "/a\n  x = \"abc", 2, 7, "unterminated string");
		text(cases, "unterminated triple quote", "/a\n  x = '''abc''", 2, 7, "unterminated string");
		text(cases, "string then number", "/a\n  x = 'a' 1", 2, 11, "expected the end of the value");
		text(cases, "two booleans", "/a\n  x = True False", 2, 12, "expected the end of the value");
		text(cases, "two numbers", "/a\n  x = 1 2", 2, 9, "expected the end of the value");
		text(cases, "unclosed list", "/a\n  x = [1, 2", 2, 12, "expected ']'");
		text(cases, "list without comma", "/a\n  x = [1 2]", 2, 10, "expected ']'");
		text(cases, "extra bracket", "/a\n  x = []]", 2, 9, "expected the end of the value");
		text(cases, "lone comma", "/a\n  x = ,", 2, 7, "expected a value");
		text(cases, "list of a comma", "/a\n  x = [,]", 2, 8, "expected a value");
		text(cases, "dict without colon", "/a\n  x = {'a' 1}", 2, 12, "expected ':'");
		text(cases, "dict without value", "/a\n  x = {'a': }", 2, 13, "expected a value");
		text(cases, "dict with a list key", "/a\n  x = {[1]: 2}", 2, 8, "a dict key must be");
		text(cases, "unclosed dict", "/a\n  x = {'a': 1", 2, 14, "expected '}'");
		text(cases, "tuple without comma", "/a\n  x = (1 2)", 2, 10, "expected ','");
		text(cases, "two tuples", "/a\n  x = ()()", 2, 9, "expected the end of the value");
		text(cases, "two dots", "/a\n  x = 1.2.3", 2, 7, "bad number");
		text(cases, "hex without digits", "/a\n  x = 0x", 2, 7, "bad number");
		text(cases, "digits then letters", "/a\n  x = 12abc", 2, 7, "bad number");
		text(cases, "long suffix then digit", "/a\n  x = 1L2", 2, 7, "bad number");
		text(cases, "signs alone", "/a\n  x = --", 2, 7, "a sign must be followed by a number");
		text(cases, "short \\x escape", "/a\n  x = '\\x4'", 2, 8, "truncated \\x escape");
		text(cases, "short \\u escape", "/a\n  x = u'\\u12'", 2, 9, "truncated \\u escape");
		text(cases, "code point beyond Unicode", "/a\n  x = u'\\U00110000'", 2, 9, "illegal Unicode character");
		text(cases, "unknown character name", "/a\n  x = u'\\N{NO SUCH NAME}'", 2, 9, "unknown Unicode character name");
		text(cases, "unclosed character name", "/a\n  x = u'\\N{LATIN'", 2, 9, "malformed \\N character escape");
		text(cases, "string_value that is not a string", "/a\n  string_value = 1", 2, 3, "string_value must be a string");
		// nesting
		text(cases, "50,000 nested lists", "/a\n  x = " + "[".repeat(50_000) + "]".repeat(50_000), 2, 506,
				"nest deeper than 499 levels");
		text(cases, "500 nested tuples", "/a\n  x = " + "(".repeat(500) + "1" + ")".repeat(500), 2, 506,
				"nest deeper than 499 levels");
		text(cases, "2,000 nested dicts", "/a\n  x = " + "{'a': ".repeat(2_000) + "1" + "}".repeat(2_000), 2, 3001,
				"nest deeper than 499 levels");
		text(cases, "tuples of tuples", "/a\n  x = " + "(".repeat(1_001) + "1," + "),".repeat(1_000) + ")", 2, 506,
				"nest deeper than 499 levels");
		text(cases, "1,001 nested nodes", nestedNodes(1_001), 1_001, 1_001, "nodes nest deeper than 1000 levels");
		// node names ZooKeeper refuses
		text(cases, "node named .", "/.", 1, 2, "bad node name /.: relative paths not allowed");
		text(cases, "node named ..", "/..", 1, 3, "bad node name /..: relative paths not allowed");
		text(cases, "child named .", "/seed\n  /.", 2, 4, "bad node name /.");
		text(cases, "child named .. under a new node", "/new\n  /child\n    /..", 3, 7, "bad node name /..");
		text(cases, "dot segment", "/a/./b", 1, 4, "relative paths not allowed");
		text(cases, "dot-dot segment", "/a/../b", 1, 5, "relative paths not allowed");
		text(cases, "empty segment", "/a//b", 1, 4, "empty node name specified");
		text(cases, "trailing slash", "/a/", 1, 3, "Path must not end with / character");
		text(cases, "NUL in a name", "/a\u0000b", 1, 3, "bad node name /a\\u0000b: null character not allowed");
		text(cases, "control character in a name", "/a\u0001b", 1, 3, "invalid character");
		text(cases, "DEL in a name", "/seed\n  /x\u007f", 2, 5, "invalid character");
		text(cases, "C1 control in a name", "/a\u0085", 1, 3, "invalid character");
		text(cases, "private-use character in a name", "/a\ue000", 1, 3, "invalid character");
		text(cases, "astral character in a name", "/smile\ud83d\ude00", 1, 7, "invalid character");
		text(cases, "noncharacter in a name", "/a\ufffe", 1, 3, "invalid character");
		// links that climb above the root
		text(cases, "relative link above the root", "/a\n  l -> ../../seed", 2, 3, "link 'l -> ../../seed' climbs above /");
		text(cases, "absolute link above the root", "/a\n  l -> /../seed", 2, 3, "climbs above /");
		text(cases, "deep relative link above the root", "/a\n  /b\n    l -> ./../../../x", 3, 5, "climbs above /");
		text(cases, "property link above the root", "/a\n  p => ../../seed threads", 2, 3,
				"property link 'p => ../../seed threads' climbs above /");
		// data larger than jute.maxbuffer
		text(cases, "a value of 1.1 MB", "/a\n  x = '" + "x".repeat(1_100_000) + "'", 1, 1, "jute.maxbuffer = 1048575");
		text(cases, "non-ASCII growing when escaped", "/seed\n  /big\n    x = u'" + "\u00e9".repeat(200_000) + "'", 2, 3,
				"the data of /seed/big takes 1200008 bytes");
		text(cases, "many values together", "/a\n  v = '" + "y".repeat(600_000) + "'\n  w = '"
				+ "z".repeat(600_000) + "'", 1, 1, "jute.maxbuffer");
		// bytes that are not UTF-8
		bytes(cases, "lone Latin-1 byte", ascii("/a\n  x = 'caf"), new int[] { 0xe9 }, ascii("'\n"), 2, 11);
		bytes(cases, "overlong slash", ascii("/a\n  x = '"), new int[] { 0xc0, 0xaf }, ascii("'\n"), 2, 8);
		bytes(cases, "overlong three-byte form", ascii("/a\n  x = '"), new int[] { 0xe0, 0x80, 0xaf }, ascii("'"), 2, 8);
		bytes(cases, "encoded surrogate", ascii("/a\n  x = '"), new int[] { 0xed, 0xa0, 0x80 }, ascii("'"), 2, 8);
		bytes(cases, "character cut at the end", ascii("/a\n  x = '"), new int[] { 0xe2, 0x82 }, new byte[0], 2, 8);
		bytes(cases, "character cut in the middle", ascii("/a\n  x = '"), new int[] { 0xe2, 0x82 }, ascii("'"), 2, 8);
		bytes(cases, "byte 0xff in a node name", ascii("/a"), new int[] { 0xff }, ascii("\n"), 1, 3);
		bytes(cases, "continuation byte first", new byte[0], new int[] { 0x80 }, ascii("/a"), 1, 1);
		bytes(cases, "beyond U+10FFFF", ascii("/a\n  x = '"), new int[] { 0xf4, 0x90, 0x80, 0x80 }, ascii("'"), 2, 8);
		bytes(cases, "five-byte form", ascii("/a\n  x = '"), new int[] { 0xf8, 0x88, 0x80, 0x80, 0x80 }, ascii("'"), 2, 8);
		bytes(cases, "bad byte after good non-ASCII", "/a\n  x = 'é'\n  y = 'ü".getBytes(StandardCharsets.UTF_8),
				new int[] { 0xfc }, ascii("'"), 3, 9);
		return cases.stream();
	}

	private static void text(List<Arguments> cases, String title, String text, int line, int column, String reason) {
		cases.add(Arguments.of(title, text.getBytes(StandardCharsets.UTF_8), line, column, reason));
	}

	private static void bytes(List<Arguments> cases, String title, byte[] before, int[] bad, byte[] after, int line,
			int column) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.writeBytes(before);
		for (int b : bad) {
			out.write(b);
		}
		out.writeBytes(after);
		cases.add(Arguments.of(title, out.toByteArray(), line, column, String.format("not UTF-8: bad byte 0x%02x", bad[0])));
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	private static String nestedNodes(int depth) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < depth; i++) {
			text.append(" ".repeat(i)).append("/n\n");
		}
		return text.toString();
	}

}
