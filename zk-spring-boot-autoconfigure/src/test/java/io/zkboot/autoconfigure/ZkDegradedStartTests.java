package io.zkboot.autoconfigure;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.actuate.ZkHealthIndicator;
import io.zkboot.client.RecordedStates;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import io.zkboot.config.ZkConfigChangedEvent;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.watch.ZkWatch;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.client.discovery.event.InstanceRegisteredEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * With {@code zk.startup.fail-fast=false} and ZooKeeper down, a web application with every
 * feature that needs ZooKeeper switched on (startup tree import, registration, an
 * {@code optional:zk:} configuration import, a {@code @ZkWatch} method) starts within the
 * startup wait plus a little, and does that work when the server comes, in order.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkDegradedStartTests {

	private static final Duration WAIT = Duration.ofSeconds(2);

	@Test
	void startsWithinTheWaitAndCatchesUpInOrderAtTheFirstConnection(@TempDir Path directory, CapturedOutput output)
			throws Exception {
		Path tree = directory.resolve("app.tree");
		Files.writeString(tree, "/config\n  /app\n    greeting = 'hello'\n/watched\n  value = 1\n",
				StandardCharsets.UTF_8);
		Duration connectedStartup;
		try (TestingServer up = new TestingServer(true)) {
			long started = System.nanoTime();
			run(up.getPort(), tree).close();
			connectedStartup = Duration.ofNanos(System.nanoTime() - started);
		}
		int port = freePort();
		try (TestingServer server = new TestingServer(port, false)) {
			long started = System.nanoTime();
			try (ConfigurableApplicationContext context = run(port, tree)) {
				Duration startup = Duration.ofNanos(System.nanoTime() - started);
				assertThat(startup).as("started in %s, with a server in %s", startup, connectedStartup)
					.isLessThan(connectedStartup.plus(WAIT).plusSeconds(2));
				App app = context.getBean(App.class);
				ZkHealthIndicator health = context.getBean(ZkHealthIndicator.class);
				assertThat(health.health(true).getStatus()).isEqualTo(Status.DOWN);
				assertThat(app.greeting.getGreeting()).isNull();
				assertThat(app.steps).isEmpty();

				server.start();
				await().atMost(Duration.ofSeconds(30)).until(() -> app.steps.size() >= 4);
				assertThat(app.steps).containsExactly("tree imported", "registered", "config changed [greeting]",
						"watch value=1");
				assertThat(app.greeting.getGreeting()).isEqualTo("hello");
				assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
				ZkRegistration registration = context.getBean(ZkRegistration.class);
				assertThat(context.getBean(CuratorFramework.class)
					.checkExists()
					.forPath("/services/degraded/providers/" + registration.getAddresses().get(0))).isNotNull();
				List<ZkConnectionStateEvent> states = context.getBean(RecordedStates.class).all();
				assertThat(states).first().satisfies((first) -> {
					assertThat(first.getPreviousState()).isEqualTo(ZkConnectionState.LOST);
					assertThat(first.getState()).isEqualTo(ZkConnectionState.CONNECTED);
				});
			}
		}
		assertThat(output).doesNotContain("SUSPENDED (session 0x0)")
			.doesNotContain("Sleep extension too large")
			.containsOnlyOnce("to load zk:/config/app");
	}

	private static ConfigurableApplicationContext run(int port, Path tree) {
		return new SpringApplicationBuilder(App.class).properties("server.port=0", "spring.application.name=degraded")
			.run("--zk.connect-string=127.0.0.1:" + port, "--zk.startup.fail-fast=false",
					"--zk.startup.wait=" + WAIT.toMillis() + "ms", "--zk.connection-timeout=1s",
					"--zk.tree.import.locations=file:" + tree, "--spring.config.import=optional:zk:/config/app");
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableConfigurationProperties(Greeting.class)
	static class App {

		final List<String> steps = new CopyOnWriteArrayList<>();

		private final Greeting greeting;

		App(Greeting greeting) {
			this.greeting = greeting;
		}

		@Bean
		RecordedStates recordedStates() {
			return new RecordedStates();
		}

		@EventListener
		void on(ZkTreeImportedEvent event) {
			this.steps.add("tree imported");
		}

		@EventListener
		void on(InstanceRegisteredEvent<?> event) {
			this.steps.add("registered");
		}

		@EventListener
		void on(ZkConfigChangedEvent event) {
			this.steps.add("config changed " + event.getKeys());
		}

		@ZkWatch("/watched")
		void watched(Map<String, Object> properties) {
			if (!properties.isEmpty()) {
				this.steps.add("watch value=" + properties.get("value"));
			}
		}

	}

	@ConfigurationProperties
	static class Greeting {

		private String greeting;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

	}

}
