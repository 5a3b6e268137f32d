package io.zkboot.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
 * export and import end to end against a real server.
 */
class ZkCliTreeTests {

	private static final String TREE = """
			/cli-tree
			  /fooservice : fooservice
			    threads = 3
			    database -> /cli-tree/databases/foo
			    /providers
			  /databases
			    /foo
			      url = 'jdbc:h2:mem:foo'
			""";

	@RegisterExtension
	static CliServer zk = new CliServer();

	@TempDir
	static Path dir;

	private static Path file(String name, String text) throws Exception {
		Path file = dir.resolve(name);
		Files.writeString(file, text);
		return file;
	}

	@Test
	void importThenExportRoundTripsAndADryRunSaysWhatWouldChange() throws Exception {
		Path tree = file("round.tree", TREE);
		CliRun imported = CliRun.of("import", zk.connect(), tree.toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		assertThat(zk.data("/cli-tree/fooservice"))
			.isEqualTo("{\"type\":\"fooservice\",\"threads\":3,\"database ->\":\"/cli-tree/databases/foo\"}");
		CliRun exported = CliRun.of("export", zk.connect(), "/cli-tree");
		assertThat(exported.status()).isZero();
		Path again = file("again.tree", exported.out());
		CliRun dry = CliRun.of("import", "-d", zk.connect(), again.toString());
		assertThat(dry.status()).isZero();
		assertThat(dry.out()).doesNotContain("add ", "change");
		Path changed = file("changed.tree", exported.out().replace("threads = 3", "threads = 4"));
		CliRun dryChange = CliRun.of("import", "--dry-run", zk.connect(), changed.toString());
		assertThat(dryChange.out()).contains("/cli-tree/fooservice threads change from 3 to 4");
		assertThat(zk.data("/cli-tree/fooservice"))
			.contains("\"threads\":3");
		Path output = dir.resolve("out.tree");
		assertThat(CliRun.of("export", "-o", output.toString(), "--name", "copy", zk.connect(), "/cli-tree").status())
			.isZero();
		assertThat(Files.readString(output)).startsWith("/copy\n");
	}

	@Test
	void trimDeletesExtraNodesButSparesAnotherClientsEphemeralNodes() throws Exception {
		CliRun first = CliRun.of("import", zk.connect(), file("trim.tree", TREE.replace("cli-tree", "cli-trim")).toString());
		assertThat(first.status()).as(first.err()).isZero();
		zk.client().create().forPath("/cli-trim/extra");
		try (CuratorFramework other = CuratorFrameworkFactory.newClient(zk.connect(), new RetryOneTime(10))) {
			other.start();
			other.create().withMode(CreateMode.EPHEMERAL).forPath("/cli-trim/fooservice/providers/h:1");
			Path tree = file("trim2.tree", TREE.replace("cli-tree", "cli-trim"));
			CliRun warn = CliRun.of("import", zk.connect(), tree.toString());
			assertThat(warn.out()).contains("extra path not trimmed: /cli-trim/extra");
			CliRun trimmed = CliRun.of("import", "-t", zk.connect(), tree.toString());
			assertThat(trimmed.status()).as(trimmed.err()).isZero();
			assertThat(zk.client().checkExists().forPath("/cli-trim/extra")).isNull();
			assertThat(zk.client().checkExists().forPath("/cli-trim/fooservice/providers/h:1")).isNotNull();
			CliRun withEphemeral = CliRun.of("export", "-e", zk.connect(), "/cli-trim/fooservice/providers");
			assertThat(withEphemeral.out()).contains("/h:1");
			assertThat(CliRun.of("export", zk.connect(), "/cli-trim/fooservice/providers").out()).doesNotContain("h:1");
		}
	}

	@Test
	void importReadsStandardInputAtAPath() throws Exception {
		zk.client().create().forPath("/cli-stdin");
		InputStream stdin = System.in;
		try {
			System.setIn(new ByteArrayInputStream("/app\n  a = 1\n".getBytes(StandardCharsets.UTF_8)));
			CliRun run = CliRun.of("import", zk.connect(), "-", "/cli-stdin");
			assertThat(run.status()).as(run.err()).isZero();
		}
		finally {
			System.setIn(stdin);
		}
		assertThat(zk.data("/cli-stdin/app"))
			.isEqualTo("{\"a\":1}");
	}

	@Test
	void aBadFileGivesItsLineAndStatusOneAndWritesNothing() throws Exception {
		Path bad = file("bad.tree", "/cli-bad-import\n  a = 1\n  /child\n    b = [1,\n");
		CliRun run = CliRun.of("import", zk.connect(), bad.toString());
		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err()).startsWith("zk import: " + bad + ":4:").hasLineCount(1);
		assertThat(zk.client().checkExists().forPath("/cli-bad-import")).isNull();
	}

}
