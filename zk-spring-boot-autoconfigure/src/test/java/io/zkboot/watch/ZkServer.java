package io.zkboot.watch;

import java.nio.charset.StandardCharsets;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real ZooKeeper server for a test class ({@code @RegisterExtension static ZkServer zk = new
 * ZkServer();}), with a client of its own playing "another client" that changes nodes.
 */
public final class ZkServer implements BeforeAllCallback, AfterAllCallback {

	private TestingServer server;

	private CuratorFramework other;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = new TestingServer(true);
		this.other = CuratorFrameworkFactory.newClient(this.server.getConnectString(), new RetryOneTime(100));
		this.other.start();
		this.other.blockUntilConnected();
	}

	/**
	 * Where clients connect.
	 * @return the connect string
	 */
	public String connectString() {
		return this.server.getConnectString();
	}

	/**
	 * The other client.
	 * @return a started client
	 */
	public CuratorFramework other() {
		return this.other;
	}

	/**
	 * Creates or sets a node (and its parents) from the other client.
	 * @param path the path
	 * @param text the data, UTF-8
	 * @throws Exception if ZooKeeper refuses
	 */
	public void set(String path, String text) throws Exception {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		if (this.other.checkExists().forPath(path) == null) {
			this.other.create().creatingParentsIfNeeded().forPath(path, data);
		}
		else {
			this.other.setData().forPath(path, data);
		}
	}

	/**
	 * Deletes a node and its children from the other client.
	 * @param path the path
	 * @throws Exception if ZooKeeper refuses
	 */
	public void delete(String path) throws Exception {
		this.other.delete().deletingChildrenIfNeeded().forPath(path);
	}

	/**
	 * Stops the server and starts it again on the same port, keeping its data and sessions.
	 * @throws Exception if the server cannot restart
	 */
	public void restart() throws Exception {
		this.server.restart();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.other.close();
		this.server.close();
	}

}
