package io.zkboot.tree;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TreeRendererTests {

	private static String roundTrip(String text) {
		return TreeRenderer.render(TreeParser.parse(text, "test"));
	}

	@Test
	void rendersTheSeedTreeInExportOrder() {
		assertThat(roundTrip(SeedTrees.FIRST)).isEqualTo(SeedTrees.FIRST_EXPORTED);
		assertThat(roundTrip(SeedTrees.FIRST_EXPORTED)).isEqualTo(SeedTrees.FIRST_EXPORTED);
	}

	@Test
	void rendersPropertyLinksAsLinksSoTheyRoundTrip() {
		String exported = """
                /cms : z4m cms
                  threads => /fooservice threads
                  /databases
                    /main
                      /providers
                  /providers
                /fooservice
                  secret = '1234'
                  threads = 3
                  /providers
                /lb : ipvs
                  /pools
                    /cms
                      address = '1.2.3.4:80'
                      providers -> /cms/providers
                """;
		assertThat(roundTrip(SeedTrees.PROPERTY_LINKS)).isEqualTo(exported);
		assertThat(roundTrip(exported)).isEqualTo(exported);
	}

	@Test
	void sortsPropertiesThenLinksThenNodesByCodePoint() {
		String text = """
                /n
                  /z
                  b -> /b
                  _ = 1
                  Z = 2
                  a -> /a
                  a = 3
                  a => /x
                  \u00e9 = 4
                  /B
                """;
		assertThat(roundTrip(text)).isEqualTo("""
                /n
                  Z = 2
                  _ = 1
                  a = 3
                  a => /x
                  \u00e9 = 4
                  a -> /a
                  b -> /b
                  /B
                  /z
                """);
	}

	@Test
	void rendersValuesAsPython3() {
		TreeNode root = TreeNode.root();
		TreeNode n = root.addChild(new TreeNode("n", null));
		n.putProperty("s", "it's caf\u00e9", null);
		n.putProperty("big", new BigInteger("12345678901234567890"), null);
		n.putProperty("f", 1e16, null);
		n.putProperty("list", List.of(1, "a", true), null);
		n.putProperty("map", Map.of("k", "v"), null);
		n.putProperty("none", null, null);
		assertThat(TreeRenderer.render(root)).isEqualTo("""
                /n
                  big = 12345678901234567890
                  f = 1e+16
                  list = [1, 'a', True]
                  map = {'k': 'v'}
                  none = None
                  s = "it's caf\u00e9"
                """);
		assertThat(TreeRenderer.render(TreeParser.parse(TreeRenderer.render(root), "again")))
				.isEqualTo(TreeRenderer.render(root));
	}

	@Test
	void rendersTypesThatTheNodeLineCannotCarryAsProperties() {
		TreeNode root = TreeNode.root();
		root.addChild(new TreeNode("a", null)).putProperty("type", 5, null);
		root.addChild(new TreeNode("b", null)).putProperty("type", "", null);
		root.addChild(new TreeNode("c", null)).putProperty("type", " padded", null);
		String text = TreeRenderer.render(root);
		assertThat(text).isEqualTo("/a\n  type = 5\n/b\n  type = ''\n/c\n  type = ' padded'\n");
		assertThat(TreeParser.parse(text, "t").child("a").orElseThrow().type()).contains(5);
	}

	@Test
	void rendersAnEmptyTreeAsOneLineFeed() {
		assertThat(TreeRenderer.render(TreeNode.root())).isEqualTo("\n");
	}
}
