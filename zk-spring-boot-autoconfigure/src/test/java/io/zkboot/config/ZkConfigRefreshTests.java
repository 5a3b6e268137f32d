package io.zkboot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.config.annotation.RefreshScope;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.cloud.logging.LoggingRebinder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What a change of a node reaches besides the {@code @ConfigurationProperties} beans: logger
 * levels, and with Spring Cloud Context its events, {@code @RefreshScope} beans and its
 * refresh, on a real server.
 */
class ZkConfigRefreshTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private static List<String> arguments(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--zk.connect-string=" + zk.connectString());
		all.add("--zk.connection-timeout=3s");
		return all;
	}

	@Test
	void aChangedLoggingLevelChangesTheLoggerWithoutSpringCloudsLoggingRebinder() throws Exception {
		zk.set("/config/logs", "{\"logging\": {\"level\": {\"io.zkboot.sample.one\": \"warn\"}}}");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.NONE)
			.run(arguments("--spring.config.import=zk:/config/logs",
					"--logging.group.shop=io.zkboot.sample.two,io.zkboot.sample.three")
				.toArray(String[]::new))) {
			assertThat(context.getBeansOfType(LoggingRebinder.class)).isEmpty();
			LoggingSystem logging = context.getBean(LoggingSystem.class);
			assertThat(level(logging, "io.zkboot.sample.one")).isEqualTo(LogLevel.WARN);
			zk.set("/config/logs", "{\"logging\": {\"level\": {\"io.zkboot.sample.one\": \"debug\", \"shop\": \"trace\"}}}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(level(logging, "io.zkboot.sample.one"))
				.isEqualTo(LogLevel.DEBUG));
			assertThat(level(logging, "io.zkboot.sample.two")).isEqualTo(LogLevel.TRACE);
			assertThat(level(logging, "io.zkboot.sample.three")).isEqualTo(LogLevel.TRACE);
			zk.set("/config/logs", "{}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(level(logging, "io.zkboot.sample.one"))
				.isEqualTo(level(logging, LoggingSystem.ROOT_LOGGER_NAME)));
			assertThat(level(logging, "io.zkboot.sample.two")).isEqualTo(level(logging, LoggingSystem.ROOT_LOGGER_NAME));
		}
	}

	private static LogLevel level(LoggingSystem logging, String logger) {
		return logging.getLoggerConfiguration(logger).getEffectiveLevel();
	}

	@Test
	void withSpringCloudContextAChangeIsAnEnvironmentChangeEventAndRefreshesTheRefreshScopedBeansDependingOnIt()
			throws Exception {
		zk.set("/config/cloud/shop", "{\"greeting\":\"hello\"}");
		zk.set("/config/cloud/db", "{\"url\":\"jdbc:x\"}");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(CloudApp.class)
			.web(WebApplicationType.NONE)
			.run(arguments("--spring.config.import=zk:/config/cloud").toArray(String[]::new))) {
			CloudApp app = context.getBean(CloudApp.class);
			ShopProperties shop = context.getBean(ShopProperties.class);
			Greeter greeter = context.getBean(Greeter.class);
			DbClient db = context.getBean(DbClient.class);
			assertThat(greeter.greeting()).isEqualTo("hello");
			assertThat(db.url()).isEqualTo("jdbc:x");
			int greeters = Greeter.made.get();
			int dbClients = DbClient.made.get();
			int bindings = shop.bindings.get();
			zk.set("/config/cloud/shop", "{\"greeting\":\"hi\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(app.changes).singleElement()
				.satisfies((event) -> assertThat(event.getKeys()).containsExactly("shop.greeting")));
			assertThat(greeter.greeting()).isEqualTo("hi");
			assertThat(Greeter.made).hasValue(greeters + 1);
			assertThat(db.url()).isEqualTo("jdbc:x");
			assertThat(DbClient.made).hasValue(dbClients);
			assertThat(shop.getGreeting()).isEqualTo("hi");
			assertThat(shop.bindings).hasValue(bindings + 1);

			context.getBean(ContextRefresher.class).refresh();
			zk.set("/config/cloud/shop", "{\"greeting\":\"after the refresh\"}");
			await().atMost(WAIT)
				.untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("after the refresh"));
			assertThat(context.getEnvironment().getProperty("shop.greeting")).isEqualTo("after the refresh");
			assertThat(greeter.greeting()).isEqualTo("after the refresh");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	static class App {

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ RefreshAutoConfiguration.class, ConfigurationPropertiesRebinderAutoConfiguration.class,
			ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class, ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class CloudApp {

		final List<EnvironmentChangeEvent> changes = new CopyOnWriteArrayList<>();

		@EventListener
		void changed(EnvironmentChangeEvent event) {
			this.changes.add(event);
		}

		@Bean
		@RefreshScope
		Greeter greeter(@Value("${shop.greeting}") String greeting) {
			return new Greeter(greeting);
		}

		@Bean
		@RefreshScope
		DbClient dbClient() {
			return new DbClient();
		}

	}

	static class Greeter {

		static final AtomicInteger made = new AtomicInteger();

		private final String greeting;

		Greeter(String greeting) {
			made.incrementAndGet();
			this.greeting = greeting;
		}

		String greeting() {
			return this.greeting;
		}

	}

	static class DbClient {

		static final AtomicInteger made = new AtomicInteger();

		@Value("${db.url}")
		private String url;

		DbClient() {
			made.incrementAndGet();
		}

		String url() {
			return this.url;
		}

	}

	@ConfigurationProperties("shop")
	static class ShopProperties {

		final AtomicInteger bindings = new AtomicInteger();

		private String greeting;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.bindings.incrementAndGet();
			this.greeting = greeting;
		}

	}

}
