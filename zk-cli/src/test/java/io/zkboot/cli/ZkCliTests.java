package io.zkboot.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

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
		for (String command : new String[] { "export", "import", "set", "validate", "get", "ls", "rm", "watch" }) {
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
