package io.zkboot.discovery;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkNodeExistsException;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.cloud.client.ServiceInstance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * Registration as zc.zk's register does it, against a real server.
 */
class ZkServiceRegistryTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private CuratorFramework client;

	private final List<ZkRegisteringServerEvent> events = new ArrayList<>();

	private ZkServiceRegistry registry;

	@BeforeEach
	void start() throws Exception {
		server.clear();
		this.client = newClient();
		this.registry = new ZkServiceRegistry(this.client, (event) -> {
			ZkRegisteringServerEvent registering = (ZkRegisteringServerEvent) event;
			this.events.add(registering);
			registering.getProperties().put("test", 1);
		});
	}

	@AfterEach
	void stop() throws Exception {
		this.client.close();
	}

	private CuratorFramework newClient() throws InterruptedException {
		CuratorFramework curator = CuratorFrameworkFactory.newClient(server.connectString(), 30_000, 5_000,
				new RetryOneTime(100));
		curator.start();
		assertThat(curator.blockUntilConnected(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
		return curator;
	}

	private static ZkRegistration registration(String path, String... hosts) {
		return new ZkRegistration("fooservice", "foo-1", path, List.of(hosts), 8080, false, Map.of("zone", "eu"));
	}

	private long session(CuratorFramework curator) throws Exception {
		return curator.getZookeeperClient().getZooKeeper().getSessionId();
	}

	@Test
	void registersOneReadOnlyEphemeralNodePerHost() throws Exception {
		this.registry.register(registration("/fooservice/providers", "10.0.0.1", "10.0.0.2"));
		assertThat(this.client.getChildren().forPath("/fooservice/providers")).containsExactlyInAnyOrder("10.0.0.1:8080",
				"10.0.0.2:8080");
		Stat stat = new Stat();
		byte[] data = this.client.getData().storingStatIn(stat).forPath("/fooservice/providers/10.0.0.1:8080");
		assertThat(stat.getEphemeralOwner()).isEqualTo(session(this.client));
		assertThat(this.client.getACL().forPath("/fooservice/providers/10.0.0.1:8080"))
			.isEqualTo(ZooDefs.Ids.READ_ACL_UNSAFE);
		assertThat(NodeProperties.decode(data)).containsEntry("pid", (int) ProcessHandle.current().pid())
			.containsEntry("instanceId", "foo-1")
			.containsEntry("status", "UP")
			.containsEntry("metadata", Map.of("zone", "eu"));
	}

	@Test
	void propertiesAddedByRegisteringEventListenersAreStored() throws Exception {
		this.registry.register(registration("/fooservice/providers", "10.0.0.1"));
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.getPath()).isEqualTo("/fooservice/providers");
			assertThat(event.getAddresses()).containsExactly("10.0.0.1:8080");
		});
		assertThat(NodeProperties.decode(this.client.getData().forPath("/fooservice/providers/10.0.0.1:8080")))
			.containsEntry("test", 1);
	}

	@Test
	void resolvesThePathThroughSymbolicLinks() throws Exception {
		this.client.create().creatingParentsIfNeeded().forPath("/cms/providers", "{}".getBytes());
		this.client.create()
			.creatingParentsIfNeeded()
			.forPath("/lb/pools/cms", NodeProperties.encode(Map.of("providers ->", "/cms/providers")));
		this.registry.register(registration("/lb/pools/cms/providers", "1.2.3.4"));
		assertThat(this.client.checkExists().forPath("/cms/providers/1.2.3.4:8080")).isNotNull();
		assertThat(this.events.get(0).getPath()).isEqualTo("/cms/providers");
	}

	@Test
	void replacesANodeOfThisInstanceLeftByAnotherSession() throws Exception {
		ZkRegistration registration = registration("/fooservice/providers", "10.0.0.1");
		try (CuratorFramework old = newClient()) {
			old.create()
				.creatingParentsIfNeeded()
				.withMode(CreateMode.EPHEMERAL)
				.forPath("/fooservice/providers/10.0.0.1:8080",
						NodeProperties.encode(ZkInstanceCodec.properties(registration, ZkInstanceStatus.UP)));
			this.registry.register(registration);
			Stat stat = this.client.checkExists().forPath("/fooservice/providers/10.0.0.1:8080");
			assertThat(stat.getEphemeralOwner()).isEqualTo(session(this.client));
		}
	}

	@Test
	void refusesANodeOfAnotherProcess() throws Exception {
		try (CuratorFramework other = newClient()) {
			other.create()
				.creatingParentsIfNeeded()
				.withMode(CreateMode.EPHEMERAL)
				.forPath("/fooservice/providers/10.0.0.1:8080", "{\"pid\":1}".getBytes());
			assertThatExceptionOfType(ZkNodeExistsException.class)
				.isThrownBy(() -> this.registry.register(registration("/fooservice/providers", "10.0.0.1")))
				.withMessageContaining("/fooservice/providers/10.0.0.1:8080")
				.withMessageContaining("another process")
				.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/fooservice/providers/10.0.0.1:8080"));
		}
	}

	@Test
	void statusChangesAreStoredAndHideTheInstanceFromDiscovery() throws Exception {
		ZkRegistration registration = registration("/services/fooservice/providers", "10.0.0.1");
		this.registry.register(registration);
		try (ZkServiceCatalog catalog = new ZkServiceCatalog(this.client, "/services", "providers", WAIT,
				(event) -> {
				})) {
			assertThat(catalog.instances("fooservice")).extracting(ServiceInstance::getInstanceId)
				.containsExactly("foo-1");
			this.registry.setStatus(registration, "out_of_service");
			assertThat(this.registry.<String>getStatus(registration)).isEqualTo("OUT_OF_SERVICE");
			assertThat(NodeProperties.decode(this.client.getData().forPath("/services/fooservice/providers/10.0.0.1:8080")))
				.containsEntry("status", "OUT_OF_SERVICE")
				.containsEntry("test", 1);
			await().atMost(WAIT).until(() -> catalog.instances("fooservice").isEmpty());
			this.registry.setStatus(registration, "UP");
			await().atMost(WAIT).until(() -> catalog.instances("fooservice").size() == 1);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.registry.setStatus(registration, "DOWN"))
			.withMessageContaining("UP or OUT_OF_SERVICE");
	}

	@Test
	void deregisterDeletesTheNodes() throws Exception {
		ZkRegistration registration = registration("/fooservice/providers", "10.0.0.1", "10.0.0.2");
		this.registry.register(registration);
		this.registry.deregister(registration);
		assertThat(this.client.getChildren().forPath("/fooservice/providers")).isEmpty();
		assertThat(this.registry.<String>getStatus(registration)).isNull();
	}

	@Test
	void restoreRecreatesTheNodesInANewSession() throws Exception {
		this.registry.register(registration("/fooservice/providers", "10.0.0.1"));
		long oldSession = session(this.client);
		this.client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
		await().atMost(WAIT).until(() -> this.client.getZookeeperClient().isConnected() && session(this.client) != oldSession);
		assertThat(this.registry.restore()).containsExactly("/fooservice/providers/10.0.0.1:8080");
		Stat stat = this.client.checkExists().forPath("/fooservice/providers/10.0.0.1:8080");
		assertThat(stat.getEphemeralOwner()).isEqualTo(session(this.client));
		assertThat(this.events).hasSize(1);
	}

	@Test
	void zcZksAddressesAreEveryNonLoopbackIpv4AddressOrElseTheLoopbackOne() throws Exception {
		List<String> hosts = HostAddresses.ofMachine();
		assertThat(hosts).isNotEmpty();
		List<InetAddress> addresses = new ArrayList<>();
		for (String host : hosts) {
			addresses.add(InetAddress.getByName(host));
		}
		assertThat(addresses).allSatisfy((address) -> assertThat(address.getAddress()).hasSize(4));
		boolean allLoopback = addresses.stream().allMatch(InetAddress::isLoopbackAddress);
		boolean noneLoopback = addresses.stream().noneMatch(InetAddress::isLoopbackAddress);
		assertThat(allLoopback || noneLoopback).isTrue();
	}

}
