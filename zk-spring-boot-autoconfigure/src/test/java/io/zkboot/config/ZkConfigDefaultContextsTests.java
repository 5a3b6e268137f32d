package io.zkboot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code spring.config.import=zk:} without a path: the default contexts, as Spring Cloud
 * Zookeeper reads them, on a real server.
 */
class ZkConfigDefaultContextsTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private ConfigurableApplicationContext run(String... arguments) {
		List<String> all = new ArrayList<>(List.of(arguments));
		all.add("--zk.connect-string=" + zk.connectString());
		all.add("--zk.connection-timeout=3s");
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE).run(all.toArray(String[]::new));
	}

	@Test
	void theApplicationAndNamedContextsAndTheirProfileVariantsLoadWithTheMoreSpecificWinning() throws Exception {
		zk.set("/config/application", "{\"title\":\"from application\"}");
		zk.set("/config/application/shop", "{\"greeting\":\"application\",\"size\":1,\"owner\":\"application\"}");
		zk.set("/config/shop-app/shop", "{\"greeting\":\"named\",\"owner\":\"named\"}");
		zk.set("/config/application,dev/shop", "{\"greeting\":\"application,dev\",\"size\":2}");
		zk.set("/config/application,other/shop", "{\"size\":99}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:",
				"--spring.application.name=shop-app", "--spring.profiles.active=dev")) {
			ShopProperties shop = context.getBean(ShopProperties.class);
			assertThat(context.getEnvironment().getProperty("title")).isEqualTo("from application");
			assertThat(shop.getOwner()).isEqualTo("named");
			assertThat(shop.getGreeting()).isEqualTo("application,dev");
			assertThat(shop.getSize()).isEqualTo(2);
			zk.set("/config/shop-app,dev/shop", "{\"greeting\":\"named,dev\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getGreeting()).isEqualTo("named,dev"));
			zk.set("/config/application/shop", "{\"greeting\":\"application\",\"size\":1,\"owner\":\"changed\"}");
			zk.set("/config/shop-app/shop", "{\"greeting\":\"named\"}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(shop.getOwner()).isEqualTo("changed"));
		}
	}

	@Test
	void theRootAndTheProfileSeparatorAreSettingsAndMissingContextsDoNotFailStartup() throws Exception {
		zk.set("/settings/ctx/application-blue/shop", "{\"greeting\":\"blue\"}");
		try (ConfigurableApplicationContext context = run("--spring.config.import=zk:", "--zk.config.root=settings/ctx/",
				"--zk.config.profile-separator=-", "--spring.profiles.active=blue")) {
			assertThat(context.getBean(ShopProperties.class).getGreeting()).isEqualTo("blue");
			assertThat(context.getEnvironment().getPropertySources().stream().map((source) -> source.getName()))
				.contains("zk:/settings/ctx/application", "zk:/settings/ctx/application-blue");
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties(ShopProperties.class)
	static class App {

	}

	@ConfigurationProperties("shop")
	static class ShopProperties {

		private String greeting;

		private String owner;

		private int size;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public String getOwner() {
			return this.owner;
		}

		public void setOwner(String owner) {
			this.owner = owner;
		}

		public int getSize() {
			return this.size;
		}

		public void setSize(int size) {
			this.size = size;
		}

	}

}
