package io.zkboot.client;

import java.time.Duration;

/**
 * Thrown at startup when no connection to ZooKeeper was made within the configured wait
 * and the application is set to fail fast.
 */
public class ZkStartupException extends RuntimeException {

	private final String connectString;

	private final Duration wait;

	/**
	 * Create the exception.
	 * @param connectString where the client tried to connect
	 * @param wait how long it waited
	 */
	public ZkStartupException(String connectString, Duration wait) {
		super("Could not connect to ZooKeeper at '" + connectString + "' within " + wait.toMillis() + " ms");
		this.connectString = connectString;
		this.wait = wait;
	}

	/**
	 * Where the client tried to connect.
	 * @return the connect string
	 */
	public String getConnectString() {
		return this.connectString;
	}

	/**
	 * How long the client waited.
	 * @return the wait
	 */
	public Duration getWait() {
		return this.wait;
	}

}
