package io.zkboot.coordination.recipe;

import java.time.Duration;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.retry.ExponentialBackoffRetry;

/**
 * The suite's server fixture with what recipe tests open on it: clients of their own session,
 * closed after each test, and recipes on them ({@code @RegisterExtension static RecipeServer zk =
 * new RecipeServer();}).
 */
final class RecipeServer extends ZkTestServer {

	static final Duration WAIT = ZkTestServer.WAIT;

	/** A started, connected client of its own session, closed after the test. */
	CuratorFramework newClient() throws InterruptedException {
		return client((builder) -> builder.retryPolicy(new ExponentialBackoffRetry(50, 5)));
	}

	/** Locks on a client, as the application's {@code ZkLocks} bean. */
	static ZkLocks locks(CuratorFramework client, String identifier) {
		return new ZkLocks(client, identifier, (event) -> {
		}, ObservationRegistry.NOOP, false);
	}

	/** Recipes on a new client. */
	ZkRecipes recipes(String identifier) throws InterruptedException {
		return new ZkRecipes(RecipeServer.locks(newClient(), identifier), null);
	}

}
