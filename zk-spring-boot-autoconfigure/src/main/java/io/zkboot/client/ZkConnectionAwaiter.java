package io.zkboot.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.curator.framework.CuratorFramework;

/**
 * The startup policy: wait a while for the first connection, then either fail with a
 * clear message or go on without one while the client keeps trying.
 *
 * @param timeout how long to wait for the first connection
 * @param failFast whether to fail when the wait passes without a connection
 */
public record ZkConnectionAwaiter(Duration timeout, boolean failFast) {

	private static final Log logger = LogFactory.getLog(ZkConnectionAwaiter.class);

	/**
	 * Wait for the client's first connection.
	 * @param client a started client
	 * @param connectString where it connects, for the messages
	 * @throws ZkStartupException when failing fast and no connection was made in time
	 */
	public void await(CuratorFramework client, String connectString) {
		await(client, connectString, Duration.ZERO);
	}

	/**
	 * Wait for the client's first connection, for what is left of the wait after startup
	 * already waited for the same servers in vain (the {@code zk:} configuration loader).
	 * @param client a started client
	 * @param connectString where it connects, for the messages
	 * @param alreadyWaited how long startup has waited already
	 * @throws ZkStartupException when failing fast and no connection was made in time
	 */
	public void await(CuratorFramework client, String connectString, Duration alreadyWaited) {
		Duration left = this.timeout.minus(alreadyWaited);
		if (connected(client, left.isNegative() ? Duration.ZERO : left)) {
			return;
		}
		List<String> unresolved = unresolvedHosts(connectString);
		if (this.failFast) {
			throw new ZkStartupException(connectString, this.timeout, unresolved, null);
		}
		logger.warn("No connection to ZooKeeper at " + connectString + " within "
				+ ZkStartupException.describe(this.timeout)
				+ (unresolved.isEmpty() ? "" : " (unknown host " + String.join(", ", unresolved) + ")")
				+ "; starting without one (zk.startup.fail-fast=false), the client keeps trying");
	}

	/**
	 * The hosts of a connect string that do not resolve, to say why no connection was made.
	 * @param connectString the connect string
	 * @return the hosts, empty when all resolve or the string cannot be read
	 */
	public static List<String> unresolvedHosts(String connectString) {
		try {
			return ZkConnectString.parse(connectString).unresolvedHosts();
		}
		catch (IllegalArgumentException ex) {
			return List.of();
		}
	}

	/**
	 * Waits for a client to be connected. An interrupt ends the wait (and is kept in the
	 * thread's interrupt flag) as a wait without connection does.
	 * @param client a started client
	 * @param timeout how long to wait at most
	 * @return whether the client is connected
	 */
	public static boolean connected(CuratorFramework client, Duration timeout) {
		try {
			return client.blockUntilConnected((int) timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
