package io.zkboot.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkNode;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import org.apache.curator.framework.CuratorFramework;

import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The tree facade against a real ZooKeeper server (the project's embedded one). */
class ZkTreeTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private static CuratorFramework client;

	private static ZkTemplate template;

	private static ZkTree tree;

	/** A second session: its ephemeral nodes are someone else's, as a running service's are. */
	private CuratorFramework other;

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
	void emptyTree() throws Exception {
		for (String child : template.getChildren("/")) {
			if (!child.equals("zookeeper")) {
				template.deleteRecursive("/" + child, DeleteOptions.defaults().withForce());
			}
		}
		other = TreeClients.connect(zooKeeper.getConnectString());
	}

	@AfterEach
	void closeOther() {
		other.close();
	}

	private void ephemeral(String path) throws Exception {
		other.create().withMode(CreateMode.EPHEMERAL).forPath(path, "{\"pid\":42}".getBytes(StandardCharsets.UTF_8));
	}

	private static ImportOptions at(String base) {
		return ImportOptions.defaults().withBasePath(base);
	}

	@Test
	void exportsWhatItImportedAndImportsTheExportBackUnchanged() {
		ImportResult first = tree.importTree(SeedTrees.FIRST, "first.tree", ImportOptions.defaults());
		assertThat(first.added()).contains("/cms", "/lb/pools/retail", "/retail/databases/ugc/providers").hasSize(14);
		assertThat(first.messages()).isEmpty();
		String exported = tree.export("/");
		assertThat(exported).isEqualTo(SeedTrees.FIRST_EXPORTED);

		ImportResult again = tree.importTree(exported, "exported.tree", ImportOptions.defaults());
		assertThat(again.added()).isEmpty();
		assertThat(again.updated()).isEmpty();
		assertThat(again.unchanged()).hasSize(14);
		assertThat(tree.export("/")).isEqualTo(exported);
	}

	@Test
	void exportsASubtreeUnderANewNameThatImportsElsewhere() {
		tree.importTree(SeedTrees.FIRST, "first.tree", ImportOptions.defaults());
		String copy = tree.export("/cms/databases/main", ExportOptions.defaults().withName("copy"));
		assertThat(copy).isEqualTo("/copy\n  /providers\n");
		tree.importTree(copy, "copy.tree", at("/retail/databases"));
		assertThat(template.exists("/retail/databases/copy/providers")).isTrue();
		assertThat(tree.export("/", ExportOptions.defaults().withName("all"))).startsWith("/all\n  /cms : z4m cms\n");
	}

	@Test
	void leavesEphemeralNodesOutOfTheExportUnlessAsked() throws Exception {
		tree.importTree("/svc\n  /providers\n", "svc.tree", ImportOptions.defaults());
		ephemeral("/svc/providers/10.0.0.1:8080");
		assertThat(tree.export("/svc")).isEqualTo("/svc\n  /providers\n");
		assertThat(tree.export("/svc", ExportOptions.defaults().withEphemeral()))
				.isEqualTo("/svc\n  /providers\n    /10.0.0.1:8080\n      pid = 42\n");
	}

	@Test
	void updatesPropertiesAndReportsExtraPathsWithoutTrimming() {
		tree.importTree(SeedTrees.FIRST, "first.tree", ImportOptions.defaults());
		ImportResult result = tree.importTree(SeedTrees.UPDATED, "updated.tree", ImportOptions.defaults());
		assertThat(result.updated()).containsExactly("/cms");
		assertThat(result.notTrimmed()).containsExactly("/lb/pools/retail");
		assertThat(result.messages()).containsExactly("extra path not trimmed: /lb/pools/retail");
		assertThat(tree.properties("/cms")).containsEntry("threads", 4);
		assertThat(template.exists("/lb/pools/retail")).isTrue();
		assertThat(template.exists("/retail")).as("top-level nodes are never trimmed").isTrue();
	}

	@Test
	void dryRunReportsEveryChangeAndWritesNothing() throws Exception {
		tree.importTree(SeedTrees.FIRST, "first.tree", ImportOptions.defaults());
		ephemeral("/cms/providers/10.0.0.1:8080");
		List<ZkNode> before = template.readTree("/", true);
		String text = SeedTrees.UPDATED.replace("    /main\n", "    /main\n      /replica\n")
				.replace("  /providers\n  /databases", "  /databases");
		ImportResult result = tree.importTree(text, "updated.tree", ImportOptions.defaults().withTrim(Trim.DELETE).withDryRun());
		assertThat(result.dryRun()).isTrue();
		assertThat(result.messages()).containsExactly(
				"/cms threads change from 3 to 4",
				"wouldn't delete /cms/providers/10.0.0.1:8080 because it's ephemeral.",
				"/cms/providers not deleted due to ephemeral descendent.",
				"add /cms/databases/main/replica",
				"would delete /lb/pools/retail.");
		assertThat(result.added()).containsExactly("/cms/databases/main/replica");
		assertThat(result.deleted()).containsExactly("/lb/pools/retail");
		assertThat(template.readTree("/", true)).isEqualTo(before);
	}

	@Test
	void trimSparesEphemeralNodesOfAnotherSessionAndTheNodesHoldingThem() throws Exception {
		tree.importTree("""
                /svc
                  /providers
                    /static
                  /old
                    /deep
                      /deeper
                  /gone
                /other
                  /kept
                """, "svc.tree", ImportOptions.defaults());
		ephemeral("/svc/providers/10.0.0.1:8080");
		ephemeral("/svc/old/deep/10.0.0.2:8080");
		ephemeral("/svc/eph");

		ImportResult result = tree.importTree("/svc\n  threads = 2\n", "svc.tree", ImportOptions.defaults().withTrim(Trim.DELETE));
		assertThat(result.deleted()).containsExactly("/svc/gone", "/svc/old/deep/deeper", "/svc/providers/static");
		assertThat(result.messages()).containsExactly(
				"Not deleting /svc/old/deep/10.0.0.2:8080 because it's ephemeral.",
				"/svc/old/deep not deleted due to ephemeral descendent.",
				"/svc/old not deleted due to ephemeral descendent.",
				"Not deleting /svc/providers/10.0.0.1:8080 because it's ephemeral.",
				"/svc/providers not deleted due to ephemeral descendent.");
		assertThat(template.walk("/svc")).containsExactly("/svc", "/svc/eph", "/svc/old", "/svc/old/deep",
				"/svc/old/deep/10.0.0.2:8080", "/svc/providers", "/svc/providers/10.0.0.1:8080");
		assertThat(template.exists("/other/kept")).as("other top-level nodes are not touched").isTrue();
		assertThat(tree.properties("/svc")).isEqualTo(Map.of("threads", 2));
	}

	@Test
	void importsAtABasePathWithAnAclForNewNodes() throws Exception {
		template.create("/app", null);
		ImportResult result = tree.importTree("/conf\n  x = 1\n", "conf.tree",
				at("/app/").withAcl(ZooDefs.Ids.READ_ACL_UNSAFE));
		assertThat(result.basePath()).isEqualTo("/app");
		assertThat(client.getACL().forPath("/app/conf")).isEqualTo(ZooDefs.Ids.READ_ACL_UNSAFE);
		assertThat(client.getACL().forPath("/app")).isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE);
		tree.importTree("/open\n", "open.tree", at("/app"));
		assertThat(client.getACL().forPath("/app/open")).as("the client's own ACL").isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE);
	}

	@Test
	void refusesAMissingBasePathButDryRunsIntoIt() {
		assertThatThrownBy(() -> tree.importTree("/a\n", "a.tree", at("/missing")))
				.isInstanceOf(TreeImportException.class).hasMessage("the import path /missing does not exist");
		assertThat(tree.importTree("/a\n  /b\n", "a.tree", at("/missing").withDryRun()).messages())
				.containsExactly("add /missing/a");
		assertThat(template.exists("/missing")).isFalse();
	}

	@Test
	void writesNothingForABadLineOrWithStrictLinksALinkIntoNowhereOrALinkLoop() {
		List<ZkNode> before = template.readTree("/", true);
		assertThatThrownBy(() -> tree.importTree("/a\n  /b c\n", "bad.tree", ImportOptions.defaults()))
				.isInstanceOf(TreeSyntaxException.class).hasMessage("bad.tree:2:3: Unrecognized data: /b c");
		ImportOptions strict = ImportOptions.defaults().withStrictLinks();
		assertThatThrownBy(() -> tree.importTree("/a\n  /b\n  db -> /databases/main\n", "nowhere.tree", strict))
				.isInstanceOf(TreeSyntaxException.class)
				.hasMessage("nowhere.tree:3:3: link 'db -> /databases/main' leads nowhere: no node /databases/main");
		assertThatThrownBy(() -> tree.importTree("/a\n  l -> m\n  m -> l\n", "loop.tree", strict))
				.isInstanceOf(TreeSyntaxException.class)
				.hasMessage("loop.tree:2:3: link 'l -> m' is in a loop: /a/l -> /a/m -> /a/l");
		assertThatThrownBy(() -> tree.importTree("/a\n  t => /a/missing\n", "plink.tree", strict))
				.isInstanceOf(TreeSyntaxException.class).hasMessageStartingWith("plink.tree:2:3: bad property link 't => /a/missing'");
		assertThat(template.readTree("/", true)).isEqualTo(before);
	}

	@Test
	void linksMayPointIntoZooKeeperBeyondTheText() {
		tree.importTree(SeedTrees.FIRST, "first.tree", ImportOptions.defaults());
		ImportResult result = tree.importTree("/shop\n  db -> /cms/databases/main\n  threads => /cms\n", "shop.tree",
				ImportOptions.defaults());
		assertThat(result.added()).containsExactly("/shop");
		assertThat(tree.resolve("/shop/db/providers")).isEqualTo("/cms/databases/main/providers");
		assertThat(tree.properties("/shop")).containsEntry("threads", 3).containsEntry("db ->", "/cms/databases/main");
		assertThat(tree.importTree("/late\n  l -> /not/yet\n", "late.tree", ImportOptions.defaults()).added())
				.containsExactly("/late");
	}

	@Test
	void resolvesLinksAndReportsLoops() {
		tree.importTree(SeedTrees.FIRST + SeedTrees.RELATIVE_LINKS, "links.tree", ImportOptions.defaults());
		assertThat(tree.resolve("/a/b/l")).isEqualTo("/a/b/c");
		assertThat(tree.resolve("/a/b/l2")).isEqualTo("/a/c");
		assertThat(tree.resolve("/retail/databases/main/providers")).isEqualTo("/cms/databases/main/providers");
		assertThat(tree.resolve("/a/b/./c/..")).isEqualTo("/a/b");
		tree.ln("/a/y", "/a/x");
		tree.ln("/a/x", "/a/y");
		assertThatThrownBy(() -> tree.resolve("/a/x")).isInstanceOf(LinkLoopException.class)
				.hasMessage("link loop: /a/x -> /a/y -> /a/x");
		assertThatThrownBy(() -> tree.resolve("/a/nothing")).isInstanceOf(NoSuchNodeException.class)
				.hasMessage("no node /a/nothing");
	}

	@Test
	void lnSetsTheLinkOnTheParentKeepingItsProperties() {
		tree.importTree("/cms\n  threads = 3\n  /databases\n    /main\n/retail\n  threads = 1\n  /databases\n",
				"ln.tree", ImportOptions.defaults());
		tree.ln("/cms/databases/main", "/retail/databases/main");
		tree.ln("/cms/databases/", "/retail/all");
		assertThat(tree.properties("/retail")).containsExactly(Map.entry("threads", 1),
				Map.entry("all ->", "/cms/databases/all"));
		assertThat(tree.resolve("/retail/databases/main")).isEqualTo("/cms/databases/main");
		assertThat(tree.export("/retail")).isEqualTo(
				"/retail\n  threads = 1\n  all -> /cms/databases/all\n  /databases\n    main -> /cms/databases/main\n");
	}

	@Test
	void readsPropertiesThroughPropertyLinks() {
		tree.importTree(SeedTrees.PROPERTY_LINKS, "plinks.tree", ImportOptions.defaults());
		assertThat(tree.properties("/cms")).containsExactly(Map.entry("type", "z4m cms"), Map.entry("threads", 3));
		assertThat(tree.properties("/lb/pools/cms/providers")).isEmpty();
		template.set("/cms", "{\"threads =>\":\"/nowhere\"}".getBytes(StandardCharsets.UTF_8));
		assertThatThrownBy(() -> tree.properties("/cms")).isInstanceOf(BadPropertyLinkException.class)
				.hasMessageStartingWith("bad property link 'threads => /nowhere'");
	}

	@Test
	void worksWithinTheClientsNamespace() {
		ZkTree tenant = new ZkTree(new ZkTemplate(other.usingNamespace("tenant")));
		template.create("/tenant", null);
		tenant.importTree("/cms\n  threads = 3\n  /db\n/shop\n  db -> /cms/db\n  threads => /cms\n", "tenant.tree",
				ImportOptions.defaults());
		assertThat(template.exists("/tenant/shop")).isTrue();
		assertThat(tenant.resolve("/shop/db")).isEqualTo("/cms/db");
		assertThat(tenant.properties("/shop")).containsEntry("threads", 3);
		tenant.ln("/cms", "/shop/main");
		assertThat(tenant.export("/shop")).isEqualTo("/shop\n  threads => /cms\n  db -> /cms/db\n  main -> /cms\n");
	}

	@Test
	void importsALargeTreeInFewTransactions() {
		String text = bigText(20, 100);
		ImportResult result = tree.importTree(text, "big.tree", ImportOptions.defaults());
		assertThat(result.added()).hasSize(2021);
		assertThat(template.readTree("/big", false)).hasSize(2021);
		assertThat(tree.export("/big")).isEqualTo(TreeRenderer.render(TreeParser.parse(text, "big.tree")));
	}

	@Test
	void exportsToAWriterNodeByNodeTheSameText() {
		String text = bigText(5, 50);
		tree.importTree(text, "big.tree", ImportOptions.defaults());
		List<String> writes = new ArrayList<>();
		Writer out = new Writer() {

			@Override
			public void write(char[] buffer, int offset, int length) {
				writes.add(new String(buffer, offset, length));
			}

			@Override
			public Writer append(CharSequence chunk) {
				writes.add(chunk.toString());
				return this;
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		tree.export("/big", ExportOptions.defaults(), out);
		assertThat(String.join("", writes)).isEqualTo(tree.export("/big"))
			.isEqualTo(TreeRenderer.render(TreeParser.parse(text, "big.tree")));
		assertThat(writes).as("one write per node, as it is read").hasSize(256);
	}

	@Test
	void reportsAWriterThatFails() {
		tree.importTree("/svc\n  /providers\n", "svc.tree", ImportOptions.defaults());
		Writer failing = new Writer() {

			@Override
			public void write(char[] buffer, int offset, int length) throws IOException {
				throw new IOException("disk full");
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> tree.export("/svc", ExportOptions.defaults(), failing))
			.withMessageContaining("/svc")
			.havingCause()
			.withMessage("disk full");
	}

	/** A top node {@code /big} with {@code branches} children of {@code leaves} children each. */
	private static String bigText(int branches, int leaves) {
		StringBuilder text = new StringBuilder("/big\n");
		for (int b = 0; b < branches; b++) {
			text.append("  /b").append(b).append('\n');
			for (int l = 0; l < leaves; l++) {
				text.append("    /l").append(l).append("\n      n = ").append(l).append('\n');
			}
		}
		return text.toString();
	}
}
