package io.zkboot.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tool end to end against a real server.
 */
class ZkCliTests {

	@RegisterExtension
	static CliServer zk = new CliServer();

	@Test
	void setMergesPropertiesGivenInTheTreeSyntaxAndGetPrintsThem() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-set/app", "{\"a\":1}".getBytes());
		CliRun set = CliRun.of("set", zk.connect(), "/cli-set/app", "threads=4", "name='x y'", "flags=[1, True]");
		assertThat(set.status()).as(set.err()).isZero();
		assertThat(zk.data("/cli-set/app")).isEqualTo("{\"a\":1,\"threads\":4,\"name\":\"x y\",\"flags\":[1,true]}");
		CliRun get = CliRun.of("get", zk.connect(), "/cli-set/app");
		assertThat(get.out()).isEqualTo("{\"a\":1,\"threads\":4,\"name\":\"x y\",\"flags\":[1,true]}\n");
	}

	@Test
	void setFollowsSymbolicLinks() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-link/real", "{}".getBytes());
		zk.client().create().forPath("/cli-link/holder", "{\"alias ->\":\"/cli-link/real\"}".getBytes());
		assertThat(CliRun.of("set", zk.connect(), "/cli-link/holder/alias", "x=1").status()).isZero();
		assertThat(zk.data("/cli-link/real")).isEqualTo("{\"x\":1}");
	}

	@Test
	void aBadValueIsAnErrorNamingTheColumnAndChangesNothing() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-bad/app", "{\"a\":1}".getBytes());
		CliRun run = CliRun.of("set", zk.connect(), "/cli-bad/app", "a=2", "b=open('x')");
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).startsWith("zk set: bad value for b at column 1").doesNotContain("\tat ");
		assertThat(zk.data("/cli-bad/app")).isEqualTo("{\"a\":1}");
	}

	@Test
	void aBareWordIsRefusedWithTheQuotingTheShellKeeps() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-word/app", "{}".getBytes());
		CliRun run = CliRun.of("set", zk.connect(), "/cli-word/app", "message=hi");
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).isEqualTo("zk set: bad value for message at column 1: unsupported expression: name 'hi' "
				+ "(values must be literals); a string needs quotes the shell keeps: message=\"'hi'\"\n");
		assertThat(CliRun.of("set", zk.connect(), "/cli-word/app", "message='hi'").status()).isZero();
		assertThat(zk.data("/cli-word/app")).isEqualTo("{\"message\":\"hi\"}");
	}

	@Test
	void setWritesSymbolicAndPropertyLinksAndRefusesAPropertyLinkLeadingNowhere() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-links/shared", "{\"threads\":3}".getBytes());
		zk.client().create().forPath("/cli-links/app", "{}".getBytes());
		CliRun set = CliRun.of("set", zk.connect(), "/cli-links/app", "db->/cli-links/shared", "threads=>../shared",
				"workers => /cli-links/shared threads");
		assertThat(set.status()).as(set.err()).isZero();
		assertThat(zk.data("/cli-links/app"))
			.isEqualTo("{\"db ->\":\"/cli-links/shared\",\"threads =>\":\"../shared\",\"workers =>\":\"/cli-links/shared threads\"}");
		CliRun bad = CliRun.of("set", zk.connect(), "/cli-links/app", "x=1", "size=>/cli-links/shared");
		assertThat(bad.status()).isEqualTo(1);
		assertThat(bad.err()).startsWith("zk set: bad property link 'size => /cli-links/shared': ").hasLineCount(1);
		assertThat(zk.data("/cli-links/app")).doesNotContain("\"x\"");
	}

	@Test
	void createMakesANodeWithPropertiesAndItsParentsOnlyWhenAsked() throws Exception {
		CliRun noParent = CliRun.of("create", zk.connect(), "/cli-create/a/b", "threads=4");
		assertThat(noParent.status()).isEqualTo(1);
		assertThat(noParent.err()).isEqualTo("zk create: no parent node for /cli-create/a/b (-p creates missing parents)\n");
		CliRun create = CliRun.of("create", "-p", zk.connect(), "/cli-create/a/b", "threads=4", "name='x'", "up->..");
		assertThat(create.status()).as(create.err()).isZero();
		assertThat(zk.data("/cli-create/a/b")).isEqualTo("{\"threads\":4,\"name\":\"x\",\"up ->\":\"..\"}");
		assertThat(CliRun.of("create", zk.connect(), "/cli-create/empty").status()).isZero();
		assertThat(zk.data("/cli-create/empty")).isEqualTo("{}");
		CliRun again = CliRun.of("create", zk.connect(), "/cli-create/empty");
		assertThat(again.status()).isEqualTo(1);
		assertThat(again.err()).contains("/cli-create/empty").hasLineCount(1);
	}

	@Test
	void lnSetsTheLinkOnItsParentAsZcZkDoesAndSetFollowsIt() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-ln/databases/main", "{}".getBytes());
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-ln/retail", "{\"threads\":1}".getBytes());
		assertThat(CliRun.of("ln", zk.connect(), "/cli-ln/databases/main", "/cli-ln/retail/db").status()).isZero();
		assertThat(CliRun.of("ln", zk.connect(), "/cli-ln/databases/", "/cli-ln/retail/main").status()).isZero();
		assertThat(zk.data("/cli-ln/retail"))
			.isEqualTo("{\"threads\":1,\"db ->\":\"/cli-ln/databases/main\",\"main ->\":\"/cli-ln/databases/main\"}");
		assertThat(CliRun.of("set", zk.connect(), "/cli-ln/retail/db", "size=2").status()).isZero();
		assertThat(zk.data("/cli-ln/databases/main")).isEqualTo("{\"size\":2}");
		CliRun noParent = CliRun.of("ln", zk.connect(), "/x", "/cli-ln/nowhere/link");
		assertThat(noParent.status()).isEqualTo(1);
		assertThat(noParent.err()).startsWith("zk ln: ").contains("/cli-ln/nowhere").hasLineCount(1);
	}

	@Test
	void watchSaysAnExistingNodeExistsThenPrintsEachChange() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-watch/app", "{\"a\":1}".getBytes());
		StringWriter out = new StringWriter();
		Thread watch = new Thread(() -> ZkCli.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
				"watch", zk.connect(), "/cli-watch/app"));
		watch.start();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(" exists /cli-watch/app {\"a\":1}"));
			zk.client().setData().forPath("/cli-watch/app", "{\"a\":2}".getBytes());
			await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(" changed /cli-watch/app {\"a\":2}"));
			zk.client().delete().forPath("/cli-watch/app");
			await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(" deleted /cli-watch/app"));
			zk.client().create().forPath("/cli-watch/app", "{}".getBytes());
			await().atMost(Duration.ofSeconds(10)).until(() -> out.toString().contains(" created /cli-watch/app {}"));
		}
		finally {
			watch.interrupt();
			watch.join(10_000);
		}
		assertThat(watch.isAlive()).isFalse();
		assertThat(out.toString()).doesNotContain(" created /cli-watch/app {\"a\":1}");
	}

	@Test
	void lsListsSortedChildren() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-ls/b");
		zk.client().create().forPath("/cli-ls/a");
		assertThat(CliRun.of("ls", zk.connect(), "/cli-ls").out()).isEqualTo("a\nb\n");
	}

	@Test
	void recursiveRmSparesEphemeralNodesOfAnotherClientWithZcZksMessages() throws Exception {
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-rm/keep/providers");
		zk.client().create().creatingParentsIfNeeded().forPath("/cli-rm/gone/x");
		try (CuratorFramework other = CuratorFrameworkFactory.newClient(zk.connect(), new RetryOneTime(10))) {
			other.start();
			other.create().withMode(CreateMode.EPHEMERAL).forPath("/cli-rm/keep/providers/h:1");
			CliRun dry = CliRun.of("rm", "-r", "-d", zk.connect(), "/cli-rm");
			assertThat(dry.out()).contains("would delete /cli-rm/gone/x.", "wouldn't delete /cli-rm/keep/providers/h:1 because it's ephemeral.");
			assertThat(zk.client().checkExists().forPath("/cli-rm/gone/x")).isNotNull();
			CliRun rm = CliRun.of("rm", "-r", zk.connect(), "/cli-rm");
			assertThat(rm.status()).isZero();
			assertThat(rm.out()).contains("Not deleting /cli-rm/keep/providers/h:1 because it's ephemeral.",
					"/cli-rm not deleted due to ephemeral descendent.");
			assertThat(zk.client().checkExists().forPath("/cli-rm/gone")).isNull();
			assertThat(zk.client().checkExists().forPath("/cli-rm/keep/providers/h:1")).isNotNull();
		}
	}

	@Test
	void validateGivesTheLineOfABadFileAndStatusOne(@TempDir Path dir) throws Exception {
		Path good = dir.resolve("good.tree");
		Files.writeString(good, "/a\n  x = 1\n");
		assertThat(CliRun.of("validate", good.toString()).status()).isZero();
		Path bad = dir.resolve("bad.tree");
		Files.writeString(bad, "/a\n  x = 1\n  y = 1+\n");
		CliRun run = CliRun.of("validate", bad.toString());
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).startsWith("zk validate: " + bad + ":3:");
	}

	@Test
	void wrongUsageIsStatusTwoAndEveryCommandHasHelp() {
		assertThat(CliRun.of("ls").status()).isEqualTo(2);
		assertThat(CliRun.of("frobnicate").status()).isEqualTo(2);
		for (String command : new String[] { "export", "import", "set", "create", "ln", "validate", "get", "ls", "rm", "watch" }) {
			CliRun help = CliRun.of(command, "--help");
			assertThat(help.status()).isZero();
			assertThat(help.out()).startsWith("Usage: zk " + command);
		}
	}

	@Test
	void anUnreachableServerIsStatusOneWithOneLine() {
		CliRun run = CliRun.of("ls", "127.0.0.1:1", "/");
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).startsWith("zk ls: cannot connect to ZooKeeper at 127.0.0.1:1").hasLineCount(1);
	}

}
