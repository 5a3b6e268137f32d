package io.zkboot.client;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

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
		this(connectString, wait, List.of(), null);
	}

	/**
	 * Create the exception.
	 * @param connectString where the client tried to connect
	 * @param wait how long it waited
	 * @param unresolvedHosts the hosts of the connect string that do not resolve
	 * @param purpose what the connection was for ("to load zk:/config"), or {@code null}
	 */
	public ZkStartupException(String connectString, Duration wait, List<String> unresolvedHosts, @Nullable String purpose) {
		super("Cannot reach ZooKeeper at " + connectString + " within " + describe(wait) + " (zk.startup.wait)"
				+ (unresolvedHosts.isEmpty() ? "" : ": unknown host " + String.join(", ", unresolvedHosts))
				+ ((purpose != null) ? " " + purpose : ""));
		this.connectString = connectString;
		this.wait = wait;
	}

	/**
	 * A wait as people write it: in seconds when whole, else in milliseconds.
	 * @param wait the wait
	 * @return for example {@code 15 s} or {@code 300 ms}
	 */
	static String describe(Duration wait) {
		return (wait.toMillis() % 1000 == 0) ? wait.toSeconds() + " s" : wait.toMillis() + " ms";
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
