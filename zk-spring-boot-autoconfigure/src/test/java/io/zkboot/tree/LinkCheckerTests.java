package io.zkboot.tree;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkCheckerTests {

	private static List<String> problems(String text, String base) {
		TreeNode tree = TreeParser.parse(text, "zk/services.tree");
		return LinkChecker.check(tree, base, NodeReader.forTree(tree, base)).stream().map(LinkProblem::message).toList();
	}

	@Test
	void acceptsTheSeedTrees() {
		assertThat(problems(SeedTrees.FIRST, "/")).isEmpty();
		assertThat(problems(SeedTrees.RELATIVE_LINKS, "/")).isEmpty();
		assertThat(problems(SeedTrees.PROPERTY_LINKS, "/")).isEmpty();
	}

	@Test
	void reportsALinkIntoNowhereWithItsLine() {
		assertThat(problems("/a\n  /b\n    db -> /databases/main\n", "/")).containsExactly(
				"zk/services.tree:3:5: link 'db -> /databases/main' leads nowhere: no node /databases/main");
		assertThat(problems("/a\n  threads => /b\n/b\n", "/")).containsExactly(
				"zk/services.tree:2:3: bad property link 'threads => /b': no property threads at /b");
	}

	@Test
	void reportsALinkLoopWithItsLine() {
		assertThat(problems("/a\n  l -> m\n  m -> l\n", "/")).containsExactly(
				"zk/services.tree:2:3: link 'l -> m' is in a loop: /a/l -> /a/m -> /a/l",
				"zk/services.tree:3:3: link 'm -> l' is in a loop: /a/m -> /a/l -> /a/m");
		TreeNode tree = TreeParser.parse("/a\n  x => /a y\n  y => /a x\n", "zk/services.tree");
		assertThatThrownBy(() -> LinkChecker.requireValid(tree, "/")).isInstanceOfSatisfying(TreeSyntaxException.class, ex -> {
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex.column()).isEqualTo(3);
			assertThat(ex).hasMessageStartingWith("zk/services.tree:2:3: bad property link 'x => /a y': ");
		});
	}

	@Test
	void checksAgainstWhatIsOutsideTheTree() {
		TreeNode tree = TreeParser.parse("/lb\n  providers -> /cms/providers\n", "zk/services.tree");
		NodeReader zookeeper = NodeReader.forRecords(Records.seed().list());
		assertThat(LinkChecker.check(tree, "/", NodeReader.forTree(tree, "/", zookeeper))).isEmpty();
		assertThat(LinkChecker.check(tree, "/", NodeReader.forTree(tree, "/"))).hasSize(1);
		assertThat(LinkChecker.check(tree, "/base", NodeReader.forTree(tree, "/base")))
				.extracting(LinkProblem::path).containsExactly("/base/lb");
	}

	@Test
	void checksExportedTreesByPath() {
		TreeNode exported = TreeExport.model(new Records().node("/a", "{\"l ->\":\"/gone\"}").list(), "/a", false, null);
		assertThat(LinkChecker.check(exported, "/", NodeReader.forRecords(new Records().list())))
				.extracting(LinkProblem::message).containsExactly("/a: link 'l -> /gone' leads nowhere: no node /gone");
	}

	@Test
	void plansLn() {
		LinkEdit edit = LinkEdit.ln("/databases/cms", "/cms/databases/main");
		assertThat(edit).isEqualTo(new LinkEdit("/cms/databases", "main ->", "/databases/cms"));
		assertThat(edit.applyTo(Map.of())).containsExactly(Map.entry("main ->", "/databases/cms"));
		assertThat(LinkEdit.ln("/t/", "/a/link2").target()).isEqualTo("/t/link2");
		assertThat(LinkEdit.ln("/databases/main", "/a/b/")).isEqualTo(new LinkEdit("/a/b", " ->", "/databases/main"));
		assertThat(LinkEdit.ln("/t", "/x").node()).isEqualTo("/");
	}
}
