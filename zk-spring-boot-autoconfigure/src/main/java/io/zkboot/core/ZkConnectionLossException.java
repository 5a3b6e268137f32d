package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the connection to the server was lost during the call (ZooKeeper's
 * {@code CONNECTIONLOSS}); the call may or may not have taken effect. Retryable.
 */
public class ZkConnectionLossException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param path the path the failed call was about, or {@code null}
	 * @param cause the original exception, or {@code null}
	 */
	public ZkConnectionLossException(String message, @Nullable String path, @Nullable Throwable cause) {
		super(message, path, KeeperException.Code.CONNECTIONLOSS, cause);
	}

}
