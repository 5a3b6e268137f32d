package io.zkboot.actuate;

import java.util.List;
import java.util.Map;

import io.zkboot.test.EmbeddedZooKeeperExtension;
import io.zkboot.tree.ZkTree;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.apache.zookeeper.server.auth.DigestAuthenticationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/zktree} over a real HTTP port on a real ZooKeeper server.
 */
class ZkTreeEndpointTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private static CuratorFramework other;

	@BeforeAll
	static void tree() throws Exception {
		CuratorFramework client = CuratorFrameworkFactory.newClient(zooKeeper.getConnectString(), new RetryOneTime(10));
		client.start();
		client.create().forPath("/cms", "{\"type\":\"cms\",\"threads\":3,\"db-password\":\"s3cret\",\"providers ->\":\"/cms/providers\",\"workers =>\":\"/cms threads\"}".getBytes());
		client.create().forPath("/cms/providers", "{}".getBytes());
		client.create().forPath("/cms/providers/deep", "{\"x\":1}".getBytes());
		other = client;
		other.create().withMode(CreateMode.EPHEMERAL).forPath("/cms/providers/h:1", "{\"pid\":7}".getBytes());
	}

	@AfterAll
	static void close() {
		other.close();
	}

	private static ConfigurableApplicationContext start(String... properties) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "zk.connect-string=" + zooKeeper.getConnectString(),
					"management.endpoints.web.exposure.include=zktree")
			.properties(properties)
			.run();
	}

	private static RestClient http(ConfigurableApplicationContext context) {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		return RestClient.builder()
			.baseUrl("http://localhost:" + port + "/actuator/zktree")
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
			})
			.build();
	}

	private static Map<String, Object> json(RestClient http, String uri) {
		return http.get().uri(uri).accept(MediaType.APPLICATION_JSON).retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void jsonShapeWithValuesShownPathAndDepthAndStat() {
		try (ConfigurableApplicationContext context = start("management.endpoint.zktree.show-values=always")) {
			RestClient http = http(context);
			Map<String, Object> cms = json(http, "/cms?stat=true");
			assertThat(cms).containsEntry("name", "cms").containsEntry("path", "/cms").containsEntry("type", "cms")
				.containsEntry("ephemeral", false)
				.containsEntry("properties", Map.of("threads", 3, "db-password", "s3cret"))
				.containsEntry("links", Map.of("providers", "/cms/providers"))
				.containsEntry("propertyLinks", Map.of("workers", "/cms threads"));
			assertThat((Map<String, Object>) cms.get("stat")).containsKeys("version", "numChildren", "ephemeralOwner");
			List<Map<String, Object>> children = (List<Map<String, Object>>) cms.get("children");
			assertThat(children).singleElement().satisfies((providers) -> {
				assertThat(providers).containsEntry("path", "/cms/providers");
				assertThat((List<Map<String, Object>>) providers.get("children")).extracting((c) -> c.get("name"))
					.containsExactly("deep");
			});
			Map<String, Object> withEphemeral = json(http, "/cms/providers?ephemeral=true");
			assertThat((List<Map<String, Object>>) withEphemeral.get("children")).extracting((c) -> c.get("name"))
				.containsExactly("deep", "h:1");
			assertThat((List<Map<String, Object>>) withEphemeral.get("children")).filteredOn((c) -> c.get("name").equals("h:1"))
				.singleElement()
				.satisfies((c) -> assertThat(c).containsEntry("ephemeral", true));
			Map<String, Object> shallow = json(http, "?path=/cms&depth=0");
			assertThat((List<Object>) shallow.get("children")).isEmpty();
			Map<String, Object> root = json(http, "");
			assertThat((List<Map<String, Object>>) root.get("children")).extracting((c) -> c.get("name"))
				.contains("cms")
				.doesNotContain("zookeeper");
		}
	}

	@Test
	void onlyTheRequestedDepthIsRead() throws Exception {
		other.create().forPath("/locked", "{}".getBytes());
		other.create()
			.withACL(List.of(new ACL(ZooDefs.Perms.ALL,
					new Id("digest", DigestAuthenticationProvider.generateDigest("owner:secret")))))
			.forPath("/locked/vault", "{\"key\":1}".getBytes());
		try (ConfigurableApplicationContext context = start()) {
			RestClient http = http(context);
			assertThat(json(http, "/locked?depth=0")).containsEntry("path", "/locked")
				.containsEntry("children", List.of());
			assertThat(http.get().uri("/locked").accept(MediaType.APPLICATION_JSON).retrieve().toBodilessEntity()
				.getStatusCode().is5xxServerError()).as("the unreadable node below, when read").isTrue();
		}
		finally {
			other.delete().forPath("/locked/vault");
			other.delete().forPath("/locked");
		}
	}

	@Test
	void textIsTheExportersOutput() {
		try (ConfigurableApplicationContext context = start("management.endpoint.zktree.show-values=always")) {
			String text = http(context).get().uri("/cms").accept(MediaType.TEXT_PLAIN).retrieve().body(String.class);
			assertThat(text).isEqualTo(context.getBean(ZkTree.class).export("/cms"));
			assertThat(text).contains("/cms : cms", "threads = 3", "providers -> /cms/providers");
		}
	}

	@Test
	void valuesAreMaskedByDefaultAndWhenNotAuthorized() {
		for (String mode : new String[] { "never", "when-authorized" }) {
			String[] properties = mode.equals("never") ? new String[0]
					: new String[] { "management.endpoint.zktree.show-values=" + mode };
			try (ConfigurableApplicationContext context = start(properties)) {
				RestClient http = http(context);
				assertThat(json(http, "/cms")).containsEntry("properties",
						Map.of("threads", "******", "db-password", "******"));
				assertThat(http.get().uri("/cms").accept(MediaType.TEXT_PLAIN).retrieve().body(String.class))
					.contains("threads = '******'")
					.contains("providers -> /cms/providers");
			}
		}
	}

	@Test
	void sanitizingFunctionsAreHonoured() {
		try (ConfigurableApplicationContext context = start("management.endpoint.zktree.show-values=always",
				"test.sanitize=true")) {
			assertThat(json(http(context), "/cms")).containsEntry("properties",
					Map.of("threads", 3, "db-password", "******"));
		}
	}

	@Test
	void aMissingPathIsA404WithAMessage() {
		try (ConfigurableApplicationContext context = start()) {
			var response = http(context).get().uri("/no/such/node").retrieve().toEntity(String.class);
			assertThat(response.getStatusCode().value()).isEqualTo(404);
			assertThat(response.getBody()).contains("no ZooKeeper node /no/such/node");
		}
	}

	@Test
	void notExposedUnlessTheApplicationExposesIt() {
		try (ConfigurableApplicationContext context = start("management.endpoints.web.exposure.include=health")) {
			assertThat(http(context).get().uri("/cms").retrieve().toBodilessEntity().getStatusCode().value())
				.isEqualTo(404);
			assertThat(context.getBeansOfType(ZkTreeEndpoint.class)).isEmpty();
		}
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

		@Bean
		@org.springframework.boot.autoconfigure.condition.ConditionalOnProperty("test.sanitize")
		SanitizingFunction maskPasswords() {
			return (data) -> data.getKey().contains("password") ? data.withSanitizedValue() : data;
		}

	}

}
