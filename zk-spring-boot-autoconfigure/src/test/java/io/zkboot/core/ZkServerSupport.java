package io.zkboot.core;

import java.nio.charset.StandardCharsets;

import io.zkboot.test.ZkTestServer;
import org.apache.curator.RetryPolicy;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The suite's server fixture per test class, a fresh client and template per test, and an empty
 * tree at the start of each test.
 */
abstract class ZkServerSupport {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	CuratorFramework client;

	ZkTemplate template;

	@BeforeEach
	void connect() throws Exception {
		server.clear();
		this.client = newClient();
		this.template = new ZkTemplate(this.client);
	}

	/** A started, connected client, closed after the test. */
	static CuratorFramework newClient() throws InterruptedException {
		return server.client();
	}

	/** A started, connected client whose own (Curator) retries are chosen by the test. */
	static CuratorFramework newClient(RetryPolicy retryPolicy, int connectionTimeoutMs) throws InterruptedException {
		return server.client((builder) -> builder.connectionTimeoutMs(connectionTimeoutMs).retryPolicy(retryPolicy));
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
