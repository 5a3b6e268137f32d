package io.zkboot.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

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
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A name removed from a configuration node resets the bean's property to what a fresh start
 * would bind, against a real server changed by another client.
 */
class ZkConfigRemovalTests {

	private static final Duration WAIT = Duration.ofSeconds(20);

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	private ConfigurableApplicationContext run(String path) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.run("--spring.config.import=zk:" + path,
					"--spring.config.additional-location=classpath:/io/zkboot/config/removal-defaults.yml",
					"--zk.connect-string=" + zk.connectString(), "--zk.connection-timeout=3s");
	}

	@Test
	void aRemovedNameSuppliedByApplicationYmlTakesTheYmlValue() throws Exception {
		zk.set("/removal/yml/pool", "{\"name\":\"from-zk\",\"threads\":8}");
		try (ConfigurableApplicationContext context = run("/removal/yml")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			assertThat(pool.getName()).isEqualTo("from-zk");
			zk.set("/removal/yml/pool", "{\"threads\":8}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getName()).isEqualTo("from-yml"));
			assertThat(context.getBean(PoolProperties.class)).isSameAs(pool);
			assertThat(pool.getThreads()).isEqualTo(8);
		}
	}

	@Test
	void aRemovedNameNoOtherSourceSuppliesTakesTheFieldDefault() throws Exception {
		zk.set("/removal/default/pool", "{\"threads\":8}");
		try (ConfigurableApplicationContext context = run("/removal/default")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			ConfigEvents events = context.getBean(ConfigEvents.class);
			assertThat(pool.getThreads()).isEqualTo(8);
			zk.set("/removal/default/pool", "{}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(4));
			assertThat(events.changes).singleElement()
				.satisfies((event) -> assertThat(event.getKeys()).containsExactly("pool.threads"));
		}
	}

	@Test
	void aRemovedNestedNameResetsOnlyItsNestedProperty() throws Exception {
		zk.set("/removal/nested/pool",
				"{\"limits\":{\"min\":2,\"max\":20},\"tags\":{\"a\":\"1\",\"b\":\"2\"},\"hosts\":[\"x\",\"y\"]}");
		try (ConfigurableApplicationContext context = run("/removal/nested")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			Map<String, String> tags = pool.getTags();
			assertThat(pool.getLimits().getMax()).isEqualTo(20);
			zk.set("/removal/nested/pool", "{\"limits\":{\"min\":3},\"tags\":{\"a\":\"1\"},\"hosts\":[\"x\"]}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getLimits().getMax()).isEqualTo(10));
			assertThat(pool.getLimits().getMin()).isEqualTo(3);
			assertThat(pool.getTags()).isSameAs(tags).containsExactly(Map.entry("a", "1"));
			assertThat(pool.getHosts()).containsExactly("x");
		}
	}

	@Test
	void propertiesNotRemovedKeepTheirReBoundValuesAndAreNotReset() throws Exception {
		zk.set("/removal/unrelated/pool", "{\"name\":\"one\",\"threads\":8,\"limits\":{\"max\":20}}");
		try (ConfigurableApplicationContext context = run("/removal/unrelated")) {
			PoolProperties pool = context.getBean(PoolProperties.class);
			PoolProperties.Limits limits = pool.getLimits();
			zk.set("/removal/unrelated/pool", "{\"name\":\"two\",\"limits\":{\"max\":30}}");
			await().atMost(WAIT).untilAsserted(() -> assertThat(pool.getThreads()).isEqualTo(4));
			assertThat(pool.getName()).isEqualTo("two");
			assertThat(pool.getLimits()).isSameAs(limits);
			assertThat(limits.getMax()).isEqualTo(30);
		}
	}

	@Test
	void aRemovalThatFailsValidationLeavesTheBeanAsItWas() throws Exception {
		zk.set("/removal/invalid/range", "{\"min\":50,\"max\":60}");
		try (ConfigurableApplicationContext context = run("/removal/invalid")) {
			RangeProperties range = context.getBean(RangeProperties.class);
			zk.set("/removal/invalid/range", "{\"min\":150}");
			await().atMost(WAIT).until(() -> RangeProperties.rejected.get() > 0);
			assertThat(range.getMin()).isEqualTo(50);
			assertThat(range.getMax()).isEqualTo(60);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ ZkAutoConfiguration.class, ZkWatchAutoConfiguration.class,
			ZkConfigAutoConfiguration.class })
	@EnableConfigurationProperties({ PoolProperties.class, RangeProperties.class })
	static class App {

		@Bean
		ConfigEvents events() {
			return new ConfigEvents();
		}

	}

	@ConfigurationProperties("pool")
	static class PoolProperties {

		private String name;

		private int threads = 4;

		private Limits limits = new Limits();

		private final Map<String, String> tags = new LinkedHashMap<>();

		private List<String> hosts = new ArrayList<>();

		public String getName() {
			return this.name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public Limits getLimits() {
			return this.limits;
		}

		public void setLimits(Limits limits) {
			this.limits = limits;
		}

		public Map<String, String> getTags() {
			return this.tags;
		}

		public List<String> getHosts() {
			return this.hosts;
		}

		public void setHosts(List<String> hosts) {
			this.hosts = hosts;
		}

		static class Limits {

			private int min = 1;

			private int max = 10;

			public int getMin() {
				return this.min;
			}

			public void setMin(int min) {
				this.min = min;
			}

			public int getMax() {
				return this.max;
			}

			public void setMax(int max) {
				this.max = max;
			}

		}

	}

	@ConfigurationProperties("range")
	static class RangeProperties implements Validator {

		static final AtomicInteger rejected = new AtomicInteger();

		private int min;

		private int max = 100;

		public int getMin() {
			return this.min;
		}

		public void setMin(int min) {
			this.min = min;
		}

		public int getMax() {
			return this.max;
		}

		public void setMax(int max) {
			this.max = max;
		}

		@Override
		public boolean supports(Class<?> type) {
			return RangeProperties.class.isAssignableFrom(type);
		}

		@Override
		public void validate(Object target, Errors errors) {
			RangeProperties range = (RangeProperties) target;
			if (range.getMin() > range.getMax()) {
				rejected.incrementAndGet();
				errors.rejectValue("min", "range", "min is above max");
			}
		}

	}

}
