package io.zkboot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import io.zkboot.actuate.ZkHealthIndicator;
import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the embedded server logs what a user needs: no INFO chatter of
 * ZooKeeper's or Curator's, one line with the embedded server's connect string. Its own
 * {@code logging.level} settings still win.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkQuietLogsTests {

	private static final Pattern LIBRARY_INFO = Pattern
		.compile("\\sINFO\\s.*\\]\\s(o\\.a\\.(z|c|zookeeper|curator)\\.|org\\.apache\\.(zookeeper|curator)\\.)");

	private static ConfigurableApplicationContext run(Path dataDir, String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.properties("zk.embedded.enabled=true", "zk.embedded.data-dir=" + dataDir)
			.run(args);
	}

	/** What a user does in the first minutes: start, check health, connect with a tool. */
	private static void use(ConfigurableApplicationContext context) throws Exception {
		assertThat(context.getBean(ZkHealthIndicator.class).health(true).getStatus()).isEqualTo(Status.UP);
		String connectString = context.getBean(EmbeddedZooKeeper.class).getConnectString();
		try (CuratorFramework tool = CuratorFrameworkFactory.newClient(connectString, new RetryOneTime(100))) {
			tool.start();
			tool.blockUntilConnected();
			tool.checkExists().forPath("/");
		}
	}

	@Test
	void zooKeeperAndCuratorAreQuietAndTheEmbeddedServerSaysWhereItIs(@TempDir Path directory, CapturedOutput output)
			throws Exception {
		Path dataDir = directory.resolve("not/there/yet");
		try (ConfigurableApplicationContext context = run(dataDir)) {
			assertThat(dataDir).isDirectory();
			use(context);
		}
		List<String> chatter = output.getAll().lines().filter((line) -> LIBRARY_INFO.matcher(line).find()).toList();
		assertThat(chatter).isEmpty();
		assertThat(output).doesNotContain("SASL config status")
			.doesNotContain("Processing srvr command")
			.doesNotContain("Unable to read additional data from client")
			.doesNotContain("Sleep extension too large")
			.doesNotContain("maxCnxns is not configured")
			.containsOnlyOnce("Embedded ZooKeeper server listening on 127.0.0.1:");
	}

	@Test
	void theApplicationsOwnLevelsWin(@TempDir Path directory, CapturedOutput output) throws Exception {
		try (ConfigurableApplicationContext context = run(directory, "--logging.level.org.apache.zookeeper=INFO")) {
			use(context);
		}
		assertThat(output).contains("Processing srvr command");
	}

	@Test
	void anExistingDataDirectoryKeepsItsData(@TempDir Path directory) throws Exception {
		try (ConfigurableApplicationContext context = run(directory)) {
			context.getBean(CuratorFramework.class).create().forPath("/kept");
		}
		try (ConfigurableApplicationContext context = run(directory)) {
			assertThat(context.getBean(CuratorFramework.class).checkExists().forPath("/kept")).isNotNull();
		}
		assertThat(Files.list(directory)).isNotEmpty();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
