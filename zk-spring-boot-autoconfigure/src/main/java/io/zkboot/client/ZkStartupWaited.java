package io.zkboot.client;

import java.time.Duration;

/**
 * Startup already waited for ZooKeeper in vain before the application context existed (the
 * {@code zk:} configuration loader did), so the application's client, connecting to the same
 * servers, waits only for what is left of {@code zk.startup.wait}. Registered as a bean by the
 * loader.
 *
 * @param connectString the servers waited for
 * @param waited how long startup waited
 */
public record ZkStartupWaited(String connectString, Duration waited) {

	/**
	 * How long startup has waited already for a connect string.
	 * @param connectString the application client's connect string
	 * @return the wait, zero when it was not waited for
	 */
	public Duration waitedFor(String connectString) {
		return this.connectString.equals(connectString) ? this.waited : Duration.ZERO;
	}

}
