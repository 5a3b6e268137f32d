package io.zkboot.tree;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;

/**
 * The client the tree tests connect to their server with.
 */
final class TreeClients {

	private TreeClients() {
	}

	/** A started client, connected to the server at the connect string; the caller closes it. */
	static CuratorFramework connect(String connectString) throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.sessionTimeoutMs(30_000)
			.connectionTimeoutMs(15_000)
			.retryPolicy(new RetryOneTime(100))
			.build();
		client.start();
		client.blockUntilConnected();
		return client;
	}

}
