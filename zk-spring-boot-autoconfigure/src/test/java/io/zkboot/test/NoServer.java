package io.zkboot.test;

/**
 * For wiring tests that, as Boot's own, need no live server: the startup policy that does not
 * wait for a connection, and a connect string where nothing listens. The application starts
 * degraded and its client keeps trying until the context closes.
 */
public final class NoServer {

	/** The properties, for {@code withPropertyValues}. */
	public static final String[] PROPERTIES = { "zk.connect-string=127.0.0.1:1", "zk.startup.fail-fast=false",
			"zk.startup.wait=0s" };

	private NoServer() {
	}

}
