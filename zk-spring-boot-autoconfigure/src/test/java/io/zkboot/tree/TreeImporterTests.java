package io.zkboot.tree;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import io.zkboot.core.ZkException;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Imports against a real ZooKeeper server (Curator's TestingServer). */
class TreeImporterTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private static CuratorFramework client;

	@BeforeAll
	static void connect() throws Exception {
		client = server.client((builder) -> builder.defaultData(new byte[0]));
	}

	/** Reads a subtree the simple way; the project's pipelined read lives in core. */
	private static List<NodeRecord> read(String path) throws Exception {
		List<NodeRecord> records = new ArrayList<>();
		Stat stat = new Stat();
		byte[] data = client.getData().storingStatIn(stat).forPath(path);
		records.add(new NodeRecord(path, data, stat.getEphemeralOwner()));
		for (String child : client.getChildren().forPath(path)) {
			records.addAll(read(path.equals("/") ? "/" + child : path + "/" + child));
		}
		return records;
	}

	private static List<String> importTree(String text, String base, Trim trim) throws Exception {
		ImportPlan plan = ImportPlanner.plan(TreeParser.parse(text, "test"), base, read(base), trim);
		return new TreeImporter(client, ZooDefs.Ids.OPEN_ACL_UNSAFE).apply(plan);
	}

	@Test
	void replaysTheSeedWalkThrough() throws Exception {
		client.create().forPath("/seed");
		assertThat(importTree(SeedTrees.FIRST, "/seed", Trim.WARN)).isEmpty();
		client.create().forPath("/seed/fooservice", "{\"secret\":\"1234\",\"threads\":3}".getBytes(StandardCharsets.UTF_8));
		client.create().forPath("/seed/fooservice/providers");
		for (int port = 8080; port <= 8082; port++) {
			client.create().withMode(CreateMode.EPHEMERAL)
					.forPath("/seed/fooservice/providers/192.168.0.42:" + port, "{\"pid\":9999}".getBytes(StandardCharsets.UTF_8));
		}
		String fooservice = "/fooservice\n  secret = '1234'\n  threads = 3\n  /providers\n";
		assertThat(TreeExportTests.text(read("/seed"), "/seed", false, null)).isEqualTo(
				"/seed\n" + SeedTrees.FIRST_EXPORTED.replace("/lb : ipvs\n", fooservice + "/lb : ipvs\n").indent(2));

		assertThat(importTree(SeedTrees.UPDATED, "/seed", Trim.WARN)).containsExactly("extra path not trimmed: /seed/lb/pools/retail");
		assertThat(new String(client.getData().forPath("/seed/cms"), StandardCharsets.UTF_8))
				.isEqualTo("{\"type\":\"z4m cms\",\"threads\":4}");
		assertThat(client.checkExists().forPath("/seed/lb/pools/retail")).isNotNull();

		assertThat(importTree(SeedTrees.UPDATED, "/seed", Trim.DELETE)).isEmpty();
		assertThat(client.checkExists().forPath("/seed/lb/pools/retail")).isNull();
		assertThat(client.checkExists().forPath("/seed/retail")).isNotNull();
		assertThat(TreeExportTests.text(read("/seed"), "/", false, null)).isEqualTo(("/seed\n" + SeedTrees.FIRST_EXPORTED
				.replace("threads = 3", "threads = 4")
				.replace("/lb : ipvs\n", fooservice + "/lb : ipvs\n")
				.replace("    /retail\n      address = '1.2.3.5:80'\n      providers -> /cms/providers\n", "")
				.indent(2)));

		assertThat(importTree("/fooservice\n  secret = '1234'\n  threads = 3\n", "/seed", Trim.DELETE)).containsExactly(
				"Not deleting /seed/fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
				"Not deleting /seed/fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
				"Not deleting /seed/fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
				"/seed/fooservice/providers not deleted due to ephemeral descendent.");
		assertThat(client.getChildren().forPath("/seed/fooservice/providers")).hasSize(3);
	}

	@Test
	void importsAnExportUnderAnotherParent() throws Exception {
		client.create().creatingParentsIfNeeded().forPath("/copy/from/main/providers");
		String export = TreeExportTests.text(read("/copy/from/main"), "/copy/from/main", false, "cms");
		client.create().forPath("/copy/databases");
		importTree(export, "/copy/databases", Trim.WARN);
		assertThat(TreeExportTests.text(read("/copy/databases"), "/copy/databases", false, null))
				.isEqualTo("/databases\n  /cms\n    /providers\n");
	}

	@Test
	void createsManyNodesInSeveralBatches() throws Exception {
		StringBuilder text = new StringBuilder("/many\n");
		for (int i = 0; i < 450; i++) {
			text.append("  /n").append(i).append("\n    i = ").append(i).append('\n');
		}
		client.create().forPath("/bulk");
		importTree(text.toString(), "/bulk", Trim.WARN);
		assertThat(client.getChildren().forPath("/bulk/many")).hasSize(450);
		assertThat(new String(client.getData().forPath("/bulk/many/n449"), StandardCharsets.UTF_8)).isEqualTo("{\"i\":449}");
	}

	@Test
	void resolvesAndChecksLinksInZooKeeper() throws Exception {
		client.create().forPath("/links");
		importTree(SeedTrees.FIRST + SeedTrees.RELATIVE_LINKS, "/links", Trim.WARN);
		NodeReader zookeeper = new CuratorNodeReader(client);
		LinkResolver resolver = new LinkResolver(zookeeper);
		assertThat(resolver.resolve("/links/a/b/l2")).isEqualTo("/links/a/c");
		assertThatThrownBy(() -> resolver.resolve("/links/lb/pools/cms/providers"))
				.isInstanceOf(NoSuchNodeException.class);
		TreeNode text = TreeParser.parse("/extra\n  cms -> /links/cms\n  threads => cms threads\n", "extra.tree");
		assertThat(LinkChecker.check(text, "/", NodeReader.forTree(text, "/", zookeeper))).isEmpty();
		assertThat(new PropertyLinkReader(zookeeper).get("/links/cms", "threads")).isEqualTo(3);
	}

	@Test
	void failsWhenTheImportPathIsMissing() {
		ImportPlan plan = ImportPlanner.plan(TreeParser.parse("/a\n", "test"), "/missing", List.of(), Trim.WARN);
		assertThat(plan.dryRunMessages()).containsExactly("add /missing/a");
		assertThatThrownBy(() -> new TreeImporter(client, ZooDefs.Ids.OPEN_ACL_UNSAFE).apply(plan))
				.isInstanceOf(TreeImportException.class)
				.hasMessage("ZooKeeper refused the transaction starting at /missing/a")
				.satisfies((ex) -> {
					assertThat(((ZkException) ex).getPath()).isEqualTo("/missing/a");
					assertThat(((ZkException) ex).getCode()).isEqualTo(KeeperException.Code.NONODE);
				});
	}
}
