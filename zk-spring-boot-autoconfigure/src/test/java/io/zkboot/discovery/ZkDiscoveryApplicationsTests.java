package io.zkboot.discovery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zkboot.client.ZkConnectionState;
import io.zkboot.client.ZkConnectionStateEvent;
import io.zkboot.core.NodeProperties;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.discovery.DiscoveryClient;
import org.springframework.cloud.client.discovery.ReactiveDiscoveryClient;
import org.springframework.cloud.client.discovery.event.HeartbeatEvent;
import org.springframework.cloud.client.loadbalancer.LoadBalanced;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two applications, alpha and beta, with web servers on random ports, registering in and
 * discovering from one real ZooKeeper server.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ZkDiscoveryApplicationsTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private ConfigurableApplicationContext alpha;

	private ConfigurableApplicationContext beta;

	@BeforeAll
	void start() throws Exception {
		this.alpha = run("alpha");
		this.beta = run("beta");
	}

	@AfterAll
	void stop() throws Exception {
		this.alpha.close();
		this.beta.close();
	}

	private ConfigurableApplicationContext run(String name) {
		return new SpringApplicationBuilder(App.class).properties("spring.application.name=" + name,
				"server.port=0", server.connectStringProperty(),
				"management.endpoints.web.exposure.include=serviceregistry")
			.run();
	}

	private static int port(ConfigurableApplicationContext context) {
		return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
	}

	private static List<Integer> ports(ConfigurableApplicationContext context, String serviceId) {
		return context.getBean(DiscoveryClient.class).getInstances(serviceId).stream().map(ServiceInstance::getPort)
			.distinct().toList();
	}

	private static String inetUtilsChoice() {
		try (InetUtils inetUtils = new InetUtils(new InetUtilsProperties())) {
			return inetUtils.findFirstNonLoopbackHostInfo().getIpAddress();
		}
	}

	@Test
	void theApplicationsFindEachOther() {
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(port(this.alpha))));
		await().atMost(WAIT).until(() -> ports(this.alpha, "beta").equals(List.of(port(this.beta))));
		List<ServiceInstance> instances = this.beta.getBean(DiscoveryClient.class).getInstances("alpha");
		assertThat(instances).extracting(ServiceInstance::getHost)
			.containsOnly(inetUtilsChoice());
		assertThat(instances).allSatisfy((instance) -> {
			assertThat(instance.getServiceId()).isEqualTo("alpha");
			assertThat(instance.getInstanceId()).isEqualTo(this.alpha.getBean(ZkRegistration.class).getInstanceId());
			assertThat(instance.getScheme()).isEqualTo("http");
			assertThat(instance.getMetadata()).containsEntry("pid", String.valueOf(ProcessHandle.current().pid()));
		});
		assertThat(this.beta.getBean(DiscoveryClient.class).getServices()).contains("alpha", "beta");
		assertThat(this.beta.getBean(ReactiveDiscoveryClient.class).getInstances("alpha").collectList().block(WAIT))
			.extracting(ServiceInstance::getPort)
			.contains(port(this.alpha));
		assertThat(this.beta.getBean(ReactiveDiscoveryClient.class).getServices().collectList().block(WAIT))
			.contains("alpha", "beta");
	}

	@Test
	void aPropertyAddedByARegisteringEventListenerIsStored() throws Exception {
		ZkRegistration registration = this.alpha.getBean(ZkRegistration.class);
		String node = "/services/alpha/providers/" + registration.getAddresses().get(0);
		Map<String, Object> stored = NodeProperties
			.decode(this.alpha.getBean(CuratorFramework.class).getData().forPath(node));
		assertThat(stored).containsEntry("registeredBy", "alpha-listener").containsEntry("instanceId",
				registration.getInstanceId());
		await().atMost(WAIT).until(() -> !this.beta.getBean(DiscoveryClient.class).getInstances("alpha").isEmpty());
		assertThat(this.beta.getBean(DiscoveryClient.class).getInstances("alpha").get(0).getMetadata())
			.containsEntry("registeredBy", "alpha-listener");
	}

	@Test
	void aLoadBalancedRestClientReachesTheOtherApplication() {
		await().atMost(WAIT).until(() -> !ports(this.alpha, "beta").isEmpty());
		RestClient client = this.alpha.getBean(RestClient.Builder.class).build();
		assertThat(client.get().uri("http://beta/name").retrieve().body(String.class)).isEqualTo("beta");
	}

	@Test
	void aZcZkStyleRegistrationMadeWithPlainZooKeeperCallsIsDiscovered() throws Exception {
		CountDownLatch connected = new CountDownLatch(1);
		ZooKeeper zk = new ZooKeeper(server.connectString(), 30_000, (event) -> {
			if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
				connected.countDown();
			}
		});
		try {
			assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
			for (String path : List.of("/services", "/services/gamma", "/services/gamma/providers")) {
				try {
					zk.create(path, "{}".getBytes(), ZooDefs.Ids.OPEN_ACL_UNSAFE, CreateMode.PERSISTENT);
				}
				catch (KeeperException.NodeExistsException ex) {
					// created by a registration
				}
			}
			zk.create("/services/gamma/providers/192.168.0.42:8080", "{\"pid\":4242}".getBytes(),
					ZooDefs.Ids.READ_ACL_UNSAFE, CreateMode.EPHEMERAL);
			DiscoveryClient discovery = this.beta.getBean(DiscoveryClient.class);
			assertThat(discovery.getInstances("gamma")).singleElement().satisfies((instance) -> {
				assertThat(instance.getUri()).hasToString("http://192.168.0.42:8080");
				assertThat(instance.getInstanceId()).isEqualTo("192.168.0.42:8080");
				assertThat(instance.getMetadata()).containsEntry("pid", "4242");
			});
			zk.create("/services/gamma/providers/192.168.0.42:8081", "{\"pid\":4243}".getBytes(),
					ZooDefs.Ids.READ_ACL_UNSAFE, CreateMode.EPHEMERAL);
			await().atMost(WAIT).until(() -> discovery.getInstances("gamma").size() == 2);
		}
		finally {
			zk.close();
		}
		await().atMost(WAIT).until(() -> this.beta.getBean(DiscoveryClient.class).getInstances("gamma").isEmpty());
	}

	@Test
	void whenItsSessionExpiresAnApplicationDisappearsThenComesBackWithinASecond(CapturedOutput output)
			throws Exception {
		int alphaPort = port(this.alpha);
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(alphaPort)));
		ViewHistory history = this.beta.getBean(ViewHistory.class);
		NewSessions newSessions = this.alpha.getBean(NewSessions.class);
		history.clear();
		newSessions.times.clear();
		expireOnTheServer(this.alpha.getBean(CuratorFramework.class));
		await().atMost(WAIT).until(() -> history.backAfterMissing(alphaPort) != null);
		assertThat(newSessions.times).hasSize(1);
		long reRegisteredAfterMillis = history.backAfterMissing(alphaPort) - newSessions.times.get(0);
		System.out.println("Registered again " + reRegisteredAfterMillis + " ms after the new session");
		assertThat(reRegisteredAfterMillis).isLessThan(5000);
		assertThat(output).contains("Registered again in the new ZooKeeper session");
		assertOwnedByTheCurrentSession(this.alpha);
	}

	@Test
	void aNodeLeftByTheOldSessionOfTheSameProcessIsReplaced(CapturedOutput output) throws Exception {
		int alphaPort = port(this.alpha);
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(alphaPort)));
		CuratorFramework client = this.alpha.getBean(CuratorFramework.class);
		try (CuratorFramework oldSession = CuratorFrameworkFactory.newClient(server.connectString(),
				new RetryOneTime(100))) {
			oldSession.start();
			assertThat(oldSession.blockUntilConnected(30, TimeUnit.SECONDS)).isTrue();
			// alpha's nodes as a session that has not expired on the server yet leaves them
			for (String address : this.alpha.getBean(ZkRegistration.class).getAddresses()) {
				String node = "/services/alpha/providers/" + address;
				byte[] data = client.getData().forPath(node);
				oldSession.transaction()
					.forOperations(oldSession.transactionOp().delete().forPath(node),
							oldSession.transactionOp()
								.create()
								.withMode(CreateMode.EPHEMERAL)
								.withACL(ZooDefs.Ids.READ_ACL_UNSAFE)
								.forPath(node, data));
			}
			long staleSession = oldSession.getZookeeperClient().getZooKeeper().getSessionId();
			client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
			await().atMost(WAIT)
				.until(() -> output.toString().contains("left by the earlier session 0x" + Long.toHexString(staleSession)));
			await().atMost(WAIT).untilAsserted(() -> assertOwnedByTheCurrentSession(this.alpha));
		}
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(alphaPort)));
	}

	/**
	 * Ends a client's session on the server, as a long partition does: its ephemeral
	 * nodes go at once, and the client learns of the expiry when it reconnects.
	 */
	private void expireOnTheServer(CuratorFramework client) throws Exception {
		ZooKeeper zooKeeper = client.getZookeeperClient().getZooKeeper();
		CountDownLatch connected = new CountDownLatch(1);
		ZooKeeper sameSession = new ZooKeeper(server.connectString(), 30_000, (event) -> {
			if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
				connected.countDown();
			}
		}, zooKeeper.getSessionId(), zooKeeper.getSessionPasswd());
		assertThat(connected.await(30, TimeUnit.SECONDS)).isTrue();
		sameSession.close();
	}

	private static void assertOwnedByTheCurrentSession(ConfigurableApplicationContext context) throws Exception {
		CuratorFramework client = context.getBean(CuratorFramework.class);
		long session = client.getZookeeperClient().getZooKeeper().getSessionId();
		for (String address : context.getBean(ZkRegistration.class).getAddresses()) {
			assertThat(client.checkExists().forPath("/services/alpha/providers/" + address).getEphemeralOwner())
				.isEqualTo(session);
		}
	}

	@Test
	void theServiceRegistryEndpointTakesAnInstanceOutOfServiceAndBack() {
		int alphaPort = port(this.alpha);
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(alphaPort)));
		RestClient endpoint = RestClient.create("http://localhost:" + alphaPort + "/actuator/serviceregistry");
		endpoint.post().contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"OUT_OF_SERVICE\"}").retrieve()
			.toBodilessEntity();
		assertThat(endpoint.get().retrieve().body(String.class)).contains("OUT_OF_SERVICE");
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").isEmpty());
		endpoint.post().contentType(MediaType.APPLICATION_JSON).body("{\"status\":\"UP\"}").retrieve()
			.toBodilessEntity();
		await().atMost(WAIT).until(() -> ports(this.beta, "alpha").equals(List.of(alphaPort)));
	}

	@Test
	void aStatusTheRegistryDoesNotStoreIsABadRequest() {
		RestClient endpoint = RestClient.create("http://localhost:" + port(this.alpha) + "/actuator/serviceregistry");
		ResponseEntity<String> response = endpoint.post()
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"status\":\"DOWN\"}")
			.exchange((request, answer) -> ResponseEntity.status(answer.getStatusCode())
				.body(new String(answer.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		assertThat(response.getStatusCode().value()).isEqualTo(400);
		assertThat(response.getBody()).contains("expected UP or OUT_OF_SERVICE");
		assertThat(endpoint.get().retrieve().body(String.class)).contains("UP");
	}

	@Test
	void anApplicationIsDeregisteredOnShutdown(CapturedOutput output) {
		ConfigurableApplicationContext delta = run("delta");
		int deltaPort = port(delta);
		await().atMost(WAIT).until(() -> ports(this.beta, "delta").equals(List.of(deltaPort)));
		delta.close();
		assertThat(output).contains("Deregistered delta instance");
		await().atMost(WAIT).until(() -> ports(this.beta, "delta").isEmpty());
	}

	@Test
	void onlyTheServicesAskedAboutAreWatched() {
		ZkServiceCatalog catalog = this.alpha.getBean(ZkServiceCatalog.class);
		assertThat(this.alpha.getBean(DiscoveryClient.class).getServices()).contains("alpha");
		assertThat(catalog.isWatched("alpha")).isFalse();
		this.alpha.getBean(DiscoveryClient.class).getInstances("alpha");
		assertThat(catalog.isWatched("alpha")).isTrue();
	}

	/**
	 * The application the tests run, as alpha, beta and delta.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@RestController
	static class App {

		@Value("${spring.application.name}")
		private String name;

		@GetMapping("/name")
		String name() {
			return this.name;
		}

		@Bean
		@LoadBalanced
		RestClient.Builder loadBalancedRestClientBuilder() {
			return RestClient.builder();
		}

		@Bean
		ApplicationListener<ZkRegisteringServerEvent> registeredBy() {
			return (event) -> event.getProperties().put("registeredBy", this.name + "-listener");
		}

		@Bean
		ViewHistory viewHistory(ZkServiceCatalog catalog) {
			return new ViewHistory(catalog);
		}

		@Bean
		NewSessions newSessions() {
			return new NewSessions();
		}

	}

	/**
	 * The ports of alpha's instances each time the application's view changes.
	 */
	static class ViewHistory implements ApplicationListener<HeartbeatEvent> {

		private final ZkServiceCatalog catalog;

		private final List<Map.Entry<Long, List<Integer>>> views = new CopyOnWriteArrayList<>();

		ViewHistory(ZkServiceCatalog catalog) {
			this.catalog = catalog;
		}

		@Override
		public void onApplicationEvent(HeartbeatEvent event) {
			if (this.catalog.isWatched("alpha")) {
				this.views.add(Map.entry(System.currentTimeMillis(),
						this.catalog.instances("alpha").stream().map(ServiceInstance::getPort).distinct().toList()));
			}
		}

		void clear() {
			this.views.clear();
		}

		/**
		 * When the port was seen again after being missing.
		 * @param port the port
		 * @return the time it came back, null if it has not gone and come back
		 */
		Long backAfterMissing(int port) {
			boolean missing = false;
			for (Map.Entry<Long, List<Integer>> view : this.views) {
				if (!view.getValue().contains(port)) {
					missing = true;
				}
				else if (missing) {
					return view.getKey();
				}
			}
			return null;
		}

	}

	/**
	 * When the application got a new session after losing one.
	 */
	static class NewSessions implements ApplicationListener<ZkConnectionStateEvent> {

		final List<Long> times = new CopyOnWriteArrayList<>();

		@Override
		public void onApplicationEvent(ZkConnectionStateEvent event) {
			if (event.getState() == ZkConnectionState.CONNECTED && event.getPreviousState() == ZkConnectionState.LOST
					&& event.getSessionId() != 0) {
				this.times.add(System.currentTimeMillis());
			}
		}

	}

}
