package io.zkboot.coordination;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite's server fixture with what coordination tests open on it: clients with a short
 * session, so expiry tests stay fast, and lock factories whose events the test reads
 * ({@code @RegisterExtension static CoordinationServer zk = new CoordinationServer();}).
 */
final class CoordinationServer extends ZkTestServer {

	final List<Object> events = new CopyOnWriteArrayList<>();

	/** A started, connected client with a short session, closed after the test. */
	@Override
	public CuratorFramework client() throws InterruptedException {
		return client(connectString());
	}

	/** A client whose connection can be cut, for sessions that end as they do in production. */
	CuratorFramework partitionable(Partition[] partition) throws Exception {
		partition[0] = closeAfterUse(new Partition(connectString()));
		return client(partition[0].connectString());
	}

	private CuratorFramework client(String connectString) throws InterruptedException {
		return client(connectString, (builder) -> builder.sessionTimeoutMs(4_000).connectionTimeoutMs(2_000));
	}

	ZkLocks locks(CuratorFramework client, String identifier) {
		return locks(client, identifier, false);
	}

	ZkLocks locks(CuratorFramework client, String identifier, boolean interruptOnLost) {
		return closeAfterUse(new ZkLocks(client, identifier, this.events::add, ObservationRegistry.NOOP, interruptOnLost));
	}

	/** Expires the session from inside the client, as Curator's own tests do. */
	static void injectSessionExpiration(CuratorFramework client) throws Exception {
		client.getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
	}

	static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

	@Override
	public void afterEach(ExtensionContext context) throws Exception {
		super.afterEach(context);
		this.events.clear();
	}

}
