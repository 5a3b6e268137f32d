package io.zkboot.tree;

import java.util.List;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.InvalidNodeDataException;
import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import org.apache.curator.framework.CuratorFramework;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What an import accepts at the edges, against a real server: the links zc.zk imports (to no
 * node, to no property, in a loop) come in with a warning unless links are strict, and values
 * and nesting up to the limits are stored.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkTreeLinksAndLimitsTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private static final String ZC_ZK_LINKS = """
			/cms
			  d -> /nowhere
			  own => /fooservice
			  /a
			    l -> m
			    m -> l
			""";

	private static CuratorFramework client;

	private static ZkTemplate template;

	private static ZkTree tree;

	@BeforeAll
	static void start() throws Exception {
		client = TreeClients.connect(zooKeeper.getConnectString());
		template = new ZkTemplate(client);
		tree = new ZkTree(template);
	}

	@AfterAll
	static void stop() {
		client.close();
	}

	@BeforeEach
	void emptyTree() {
		for (String child : template.getChildren("/")) {
			if (!child.equals("zookeeper")) {
				template.deleteRecursive("/" + child, DeleteOptions.defaults().withForce());
			}
		}
	}

	@Test
	void linksThatZcZkImportsAreImportedWithAWarningEach(CapturedOutput output) {
		ImportResult result = tree.importTree(ZC_ZK_LINKS, "zc.tree", ImportOptions.defaults());
		assertThat(result.added()).containsExactly("/cms", "/cms/a");
		assertThat(result.warnings()).containsExactly(
				"zc.tree:2:3: link 'd -> /nowhere' leads nowhere: no node /nowhere",
				"zc.tree:3:3: bad property link 'own => /fooservice': no node /fooservice",
				"zc.tree:5:5: link 'l -> m' is in a loop: /cms/a/l -> /cms/a/m -> /cms/a/l",
				"zc.tree:6:5: link 'm -> l' is in a loop: /cms/a/m -> /cms/a/l -> /cms/a/m");
		assertThat(output).contains("zc.tree:2:3: link 'd -> /nowhere' leads nowhere: no node /nowhere (imported as zc.zk");
		assertThat(new String(template.get("/cms").data())).isEqualTo("{\"d ->\":\"/nowhere\",\"own =>\":\"/fooservice\"}");
		assertThatExceptionOfType(NoSuchNodeException.class).isThrownBy(() -> tree.resolve("/cms/d"));
	}

	@Test
	void strictLinksRefuseThemWithTheLineAndWriteNothing() {
		List<ZkNode> before = template.readTree("/", true);
		assertThatExceptionOfType(TreeSyntaxException.class)
			.isThrownBy(() -> tree.importTree(ZC_ZK_LINKS, "zc.tree", ImportOptions.defaults().withStrictLinks()))
			.withMessage("zc.tree:2:3: link 'd -> /nowhere' leads nowhere: no node /nowhere")
			.satisfies((ex) -> assertThat(ex.getSuppressed()).hasSize(3));
		assertThat(template.readTree("/", true)).isEqualTo(before);
	}

	@Test
	void aPropertyLinkToAPropertyThatIsMissingIsAWarning() {
		tree.importTree("/fooservice\n  threads = 3\n", "foo.tree", ImportOptions.defaults());
		ImportResult result = tree.importTree("/cms\n  own => /fooservice\n  threads => /fooservice\n", "cms.tree",
				ImportOptions.defaults());
		assertThat(result.warnings()).singleElement()
			.satisfies((warning) -> assertThat(warning).startsWith("cms.tree:2:3: bad property link 'own => /fooservice'"));
		assertThat(tree.properties("/fooservice")).containsEntry("threads", 3);
	}

	@Test
	void aNodeHoldingInvalidJsonIsNotExportedButAnImportRepairsIt() {
		template.create("/broken", "{\"password\": \"secret\", \"pool\": {\"max\": 7".getBytes());
		assertThatExceptionOfType(InvalidNodeDataException.class).isThrownBy(() -> tree.export("/broken"))
			.withMessage("node /broken holds invalid JSON (it ends too early) at line 1, column 41");
		ImportResult dry = tree.importTree("/broken\n  password = 'new'\n", "fix.tree", ImportOptions.defaults().withDryRun());
		assertThat(dry.messages()).containsExactly("/broken replace data that is not valid JSON "
				+ "(node /broken holds invalid JSON (it ends too early) at line 1, column 41)");
		assertThat(tree.importTree("/broken\n  password = 'new'\n", "fix.tree", ImportOptions.defaults()).updated())
			.containsExactly("/broken");
		assertThat(tree.export("/broken")).isEqualTo("/broken\n  password = 'new'\n");
	}

	@Test
	void valuesUpToTheRequestLimitAndDeepNestingAreStored() {
		int room = 1_048_575 - NodeDataLimit.FRAMING - "/big".length() - "{\"x\":\"\"}".length();
		tree.importTree("/big\n  x = '" + "x".repeat(room) + "'\n", "big.tree", ImportOptions.defaults());
		assertThat(template.get("/big").data()).hasSize(room + "{\"x\":\"\"}".length());
		String nested = "[".repeat(PythonLiteral.MAX_NESTING) + "]".repeat(PythonLiteral.MAX_NESTING);
		tree.importTree("/deep\n  x = " + nested + "\n", "deep.tree", ImportOptions.defaults());
		assertThat(new String(template.get("/deep").data())).isEqualTo("{\"x\":" + nested + "}");
		assertThat(tree.export("/deep")).isEqualTo("/deep\n  x = " + nested + "\n");
	}

}
