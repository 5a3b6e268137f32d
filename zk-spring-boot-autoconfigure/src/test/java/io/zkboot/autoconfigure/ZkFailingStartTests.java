package io.zkboot.autoconfigure;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.zkboot.client.ZkStartupException;
import io.zkboot.core.ZkConnectionLossException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Startups that fail do so at once, say why in the user's terms, and end the process.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkFailingStartTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class));

	private static SpringApplicationBuilder application() {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE);
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "localhost:abc", ":2181", "localhost:2181,,other:2181", "localhost:99999",
			"localhost:2181/bad/", "localhost:2181/a//b", "zk1:2181, zk2:2181" })
	void aMalformedConnectStringIsRefusedAtOnceNamingTheProperty(String connectString) {
		long started = System.nanoTime();
		this.runner.withPropertyValues("zk.connect-string=" + connectString, "zk.startup.wait=10s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("zk.connect-string")
				.hasMessageContaining(connectString));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
	}

	@Test
	void aMalformedConnectStringOfAZkImportIsRefusedAtOnceNamingTheProperty() {
		assertThatExceptionOfType(InvalidConfigurationPropertyValueException.class)
			.isThrownBy(() -> application().run("--spring.config.import=zk:/config", "--zk.connect-string=localhost:abc"))
			.withMessageContaining("zk.connect-string");
	}

	@Test
	void aZkImportWhoseServerCannotBeReachedSaysSo() throws Exception {
		String connectString = "127.0.0.1:" + freePort();
		long started = System.nanoTime();
		assertThatExceptionOfType(ZkStartupException.class)
			.isThrownBy(() -> application().run("--spring.config.import=zk:/config/app",
					"--zk.connect-string=" + connectString, "--zk.startup.wait=1s"))
			.withMessage("Cannot reach ZooKeeper at " + connectString
					+ " within 1 s (zk.startup.wait) to load zk:/config/app (spring.config.import)");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(6));
	}

	@Test
	void anUnknownHostIsNamedAndNotLoggedOnEveryRetry(CapturedOutput output) {
		assertThatException()
			.isThrownBy(() -> application().run("--zk.connect-string=nosuchhost.invalid:2181", "--zk.startup.wait=3s"))
			.havingRootCause()
			.isInstanceOf(ZkStartupException.class)
			.withMessageContaining("unknown host nosuchhost.invalid");
		assertThat(output.getAll().lines().filter((line) -> line.contains("UnknownHostException")).count())
			.isLessThanOrEqualTo(1);
		assertThat(output).doesNotContain("Unable to resolve address");
	}

	@Test
	void theFailureAnalysisSuggestsTheEmbeddedServerOnlyWithoutAConnectString() throws Exception {
		String connectString = "127.0.0.1:" + freePort();
		MockEnvironment withConnectString = new MockEnvironment().withProperty("zk.connect-string", connectString);
		this.runner.withPropertyValues("zk.connect-string=" + connectString, "zk.startup.wait=500ms")
			.run((context) -> {
				FailureAnalysis analysis = new ZkStartupFailureAnalyzer(withConnectString)
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(connectString);
				assertThat(analysis.getAction()).doesNotContain("zk.embedded.enabled").contains("zk.connect-string");
			});
		this.runner.withPropertyValues("zk.startup.wait=500ms")
			.run((context) -> assertThat(new ZkStartupFailureAnalyzer(new MockEnvironment())
				.analyze(context.getStartupFailure())
				.getAction()).contains("zk.embedded.enabled=true"));
	}

	@Test
	void aTreeImportCutShortByALostConnectionIsNotBlamedOnTheTreeText() {
		ZkTreeImportFailedException failure = new ZkTreeImportFailedException("classpath:app.tree",
				new ZkConnectionLossException("connection to ZooKeeper lost", "/config", null));
		FailureAnalysis analysis = new ZkTreeImportFailureAnalyzer().analyze(new IllegalStateException(failure));
		assertThat(analysis.getAction()).doesNotContain("Fix the tree text").contains("zk.startup.fail-fast=false");
	}

	@Test
	void aFailedStartWithTheEmbeddedServerEndsTheProcess(@TempDir Path directory) throws Exception {
		Path config = directory.resolve("application.yml");
		Files.writeString(config, """
				spring:
				  config:
				    import: "zk:/no/such/node"
				zk:
				  embedded:
				    enabled: true
				""", StandardCharsets.UTF_8);
		Path log = directory.resolve("out.log");
		Process process = new ProcessBuilder(
				List.of(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-cp",
						System.getProperty("java.class.path"), App.class.getName(),
						"--spring.config.additional-location=file:" + config))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		try {
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the process ended; its output:%n%s", output(log))
				.isTrue();
			assertThat(process.exitValue()).isNotZero();
			assertThat(output(log)).contains("zk:/no/such/node").contains("does not exist");
		}
		finally {
			process.destroyForcibly();
		}
	}

	private static String output(Path log) throws Exception {
		return Files.exists(log) ? Files.readString(log) : "";
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

		public static void main(String[] args) {
			SpringApplication application = new SpringApplication(App.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			application.run(args);
		}

	}

}
