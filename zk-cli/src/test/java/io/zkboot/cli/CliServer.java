package io.zkboot.cli;

import java.nio.charset.StandardCharsets;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real server for a CLI test class, and a client of its own to prepare and check nodes.
 */
class CliServer implements BeforeAllCallback, AfterAllCallback {

	private TestingServer server;

	private CuratorFramework client;

	@Override
	public void beforeAll(ExtensionContext context) throws Exception {
		this.server = new TestingServer(true);
		this.client = CuratorFrameworkFactory.newClient(this.server.getConnectString(), new RetryOneTime(10));
		this.client.start();
		this.client.blockUntilConnected();
	}

	@Override
	public void afterAll(ExtensionContext context) throws Exception {
		this.client.close();
		this.server.close();
	}

	String connect() {
		return this.server.getConnectString();
	}

	CuratorFramework client() {
		return this.client;
	}

	String data(String path) throws Exception {
		return new String(this.client.getData().forPath(path), StandardCharsets.UTF_8);
	}

}
