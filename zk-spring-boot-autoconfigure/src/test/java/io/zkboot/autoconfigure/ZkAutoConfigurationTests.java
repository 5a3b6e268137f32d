package io.zkboot.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.zkboot.client.CuratorFrameworkBuilderCustomizer;
import io.zkboot.client.RecordedStates;
import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkConnectionState;
import io.zkboot.core.ZkRetry;
import io.zkboot.embedded.EmbeddedZooKeeper;
import io.zkboot.test.NoServer;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.AuthInfo;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.BoundedExponentialBackoffRetry;
import org.apache.curator.retry.RetryOneTime;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client built from {@code zk.*}, overrides and customizers, against a real server.
 */
class ZkAutoConfigurationTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkEmbeddedAutoConfiguration.class, ZkAutoConfiguration.class));

	/** For wiring that needs no server, as Boot's own tests. */
	private ApplicationContextRunner notConnected() {
		return this.runner.withPropertyValues(NoServer.PROPERTIES);
	}

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues(server.connectStringProperty());
	}

	@Test
	void clientIsStartedAndConnectedAndClosedWithTheContext() {
		AtomicReference<CuratorFramework> client = new AtomicReference<>();
		connected().run((context) -> {
			client.set(context.getBean(CuratorFramework.class));
			assertThat(client.get().getZookeeperClient().isConnected()).isTrue();
			client.get().create().forPath("/started", "x".getBytes());
			assertThat(client.get().getData().forPath("/started")).asString().isEqualTo("x");
		});
		assertThat(client.get().getState()).hasToString("STOPPED");
	}

	@Test
	void everyPropertyReachesTheBuilder() {
		AtomicReference<CuratorFrameworkFactory.Builder> captured = new AtomicReference<>();
		connected()
			.withPropertyValues("zk.namespace=app", "zk.session-timeout=7s", "zk.connection-timeout=3s",
					"zk.retry.base-sleep=50ms", "zk.retry.max-sleep=2s", "zk.retry.max-retries=4", "zk.read-only=true",
					"zk.auth.username=alice", "zk.auth.password=secret", "zk.acl.mode=read-only")
			.withBean(CuratorFrameworkBuilderCustomizer.class, () -> captured::set)
			.run((context) -> {
				CuratorFrameworkFactory.Builder builder = captured.get();
				assertThat(builder.getEnsembleProvider().getConnectionString()).isEqualTo(server.connectString());
				assertThat(builder.getNamespace()).isEqualTo("app");
				assertThat(builder.getSessionTimeoutMs()).isEqualTo(7000);
				assertThat(builder.getConnectionTimeoutMs()).isEqualTo(3000);
				assertThat(ZkRetry.of(builder.getRetryPolicy()).getPolicy()).isInstanceOfSatisfying(BoundedExponentialBackoffRetry.class,
						(retry) -> {
							assertThat(retry.getBaseSleepTimeMs()).isEqualTo(50);
							assertThat(retry.getMaxSleepTimeMs()).isEqualTo(2000);
						});
				assertThat(builder.getRetryPolicy().allowRetry(3, 0, (time, unit) -> { })).isTrue();
				assertThat(builder.getRetryPolicy().allowRetry(4, 0, (time, unit) -> { })).isFalse();
				assertThat(builder.canBeReadOnly()).isTrue();
				assertThat(builder.getAuthInfos()).singleElement().satisfies((AuthInfo auth) -> {
					assertThat(auth.getScheme()).isEqualTo("digest");
					assertThat(new String(auth.getAuth())).isEqualTo("alice:secret");
				});
				List<ACL> acl = builder.getAclProvider().getDefaultAcl();
				assertThat(acl).containsAll(ZooDefs.Ids.READ_ACL_UNSAFE).containsAll(ZooDefs.Ids.CREATOR_ALL_ACL);
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/in-namespace");
				assertThat(client.usingNamespace(null).checkExists().forPath("/app/in-namespace")).isNotNull();
			});
	}

	@Test
	void defaultAclIsOpenWithoutAuthAndCreatorAllWithIt() {
		AtomicReference<CuratorFrameworkFactory.Builder> captured = new AtomicReference<>();
		notConnected().withBean(CuratorFrameworkBuilderCustomizer.class, () -> captured::set)
			.run((context) -> assertThat(captured.get().getAclProvider().getDefaultAcl())
				.isEqualTo(ZooDefs.Ids.OPEN_ACL_UNSAFE));
		notConnected().withPropertyValues("zk.auth.username=bob", "zk.auth.password=pw")
			.withBean(CuratorFrameworkBuilderCustomizer.class, () -> captured::set)
			.run((context) -> assertThat(captured.get().getAclProvider().getDefaultAcl())
				.isEqualTo(ZooDefs.Ids.CREATOR_ALL_ACL));
	}

	@Test
	void nodesOfAnAuthenticatedAppCannotBeChangedByAnUnauthenticatedClient() {
		connected().withPropertyValues("zk.auth.username=app", "zk.auth.password=s3cret").run((context) -> {
			CuratorFramework app = context.getBean(CuratorFramework.class);
			app.create().forPath("/guarded", "mine".getBytes());
			try (CuratorFramework stranger = CuratorFrameworkFactory.newClient(server.connectString(),
					new RetryOneTime(10))) {
				stranger.start();
				assertThatThrownBy(() -> stranger.setData().forPath("/guarded", "theirs".getBytes()))
					.isInstanceOf(KeeperException.NoAuthException.class);
				assertThatThrownBy(() -> stranger.getData().forPath("/guarded"))
					.isInstanceOf(KeeperException.NoAuthException.class);
			}
			assertThat(app.getData().forPath("/guarded")).asString().isEqualTo("mine");
			context.getBean(io.zkboot.core.ZkTemplate.class).create("/guarded-by-template/child", "t".getBytes(),
					io.zkboot.core.CreateOptions.persistent().withMakeParents());
			String digest = org.apache.zookeeper.server.auth.DigestAuthenticationProvider.generateDigest("app:s3cret");
			assertThat(app.getACL().forPath("/guarded-by-template/child")).containsExactly(
					new ACL(ZooDefs.Perms.ALL, new org.apache.zookeeper.data.Id("digest", digest)));
		});
	}

	@Test
	void customizersAdjustTheBuilderInOrder() {
		notConnected()
			.withBean("first", CuratorFrameworkBuilderCustomizer.class, () -> (builder) -> builder.namespace("one"))
			.withBean("second", CuratorFrameworkBuilderCustomizer.class, () -> (builder) -> builder.namespace("two"))
			.run((context) -> assertThat(context.getBean(CuratorFramework.class).getNamespace()).isEqualTo("two"));
	}

	@Test
	void aUsersOwnClientWins() {
		connected().withBean("myClient", CuratorFramework.class, () -> {
			CuratorFramework client = CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(10));
			client.start();
			return client;
		}).withBean(RecordedStates.class).run((context) -> {
			assertThat(context).hasSingleBean(CuratorFramework.class).hasBean("myClient");
			context.getBean(RecordedStates.class).next(ZkConnectionState.CONNECTED, Duration.ofSeconds(10));
		});
	}

	@Test
	void aRetryPolicyBeanIsTheClientsAndTheTemplatesPolicy() {
		org.apache.curator.RetryPolicy policy = new org.apache.curator.retry.RetryNTimes(7, 1);
		notConnected().withBean(org.apache.curator.RetryPolicy.class, () -> policy).run((context) -> {
			assertThat(ZkRetry.of(context.getBean(CuratorFramework.class)).getPolicy()).isSameAs(policy);
			assertThat(ZkRetry.of(context.getBean(io.zkboot.core.ZkTemplate.class).getClient()).getPolicy())
				.isSameAs(policy);
		});
	}

	@Test
	void connectionDetailsBeanSuppliesTheConnectString() {
		this.runner.withPropertyValues("zk.connect-string=nowhere.invalid:1")
			.withBean(ZkConnectionDetails.class, () -> server::connectString)
			.run((context) -> assertThat(context.getBean(CuratorFramework.class).getZookeeperClient().getCurrentConnectionString())
				.isEqualTo(server.connectString()));
	}

	@Test
	void theEmbeddedServersClientAuthenticatesWithZkAuth() {
		this.runner.withPropertyValues("zk.embedded.enabled=true", "zk.auth.username=alice", "zk.auth.password=secret")
			.run((context) -> {
				CuratorFramework client = context.getBean(CuratorFramework.class);
				client.create().forPath("/embedded-auth");
				assertThat(client.getACL().forPath("/embedded-auth")).singleElement()
					.satisfies((acl) -> assertThat(acl.getId().getId()).startsWith("alice:"));
			});
	}

	@Test
	void embeddedServerStartsBeforeTheClientAndStopsWithTheContext() {
		AtomicReference<EmbeddedZooKeeper> embedded = new AtomicReference<>();
		this.runner.withPropertyValues("zk.embedded.enabled=true").withBean(RecordedStates.class).run((context) -> {
			embedded.set(context.getBean(EmbeddedZooKeeper.class));
			assertThat(context.getBean(CuratorFramework.class).getZookeeperClient().getCurrentConnectionString())
				.isEqualTo(embedded.get().getConnectString());
			context.getBean(RecordedStates.class).next(ZkConnectionState.CONNECTED, Duration.ofSeconds(10));
		});
		assertThat(embedded.get().getDataDir()).doesNotExist();
	}

	@Test
	void embeddedServerUsesTheConfiguredPortAndDataDirectory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
			throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.runner.withPropertyValues("zk.embedded.enabled=true", "zk.embedded.port=" + port,
				"zk.embedded.data-dir=" + dir)
			.run((context) -> {
				assertThat(context.getBean(EmbeddedZooKeeper.class).getConnectString()).endsWith(":" + port);
				context.getBean(CuratorFramework.class).create().forPath("/kept");
			});
		assertThat(dir).isNotEmptyDirectory();
	}

	@Test
	void anExplicitConnectStringTurnsTheEmbeddedServerOff() {
		connected().withPropertyValues("zk.embedded.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(EmbeddedZooKeeper.class));
	}

}
