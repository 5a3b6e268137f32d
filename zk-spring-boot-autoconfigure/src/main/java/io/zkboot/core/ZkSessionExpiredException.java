package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when the session expired (ZooKeeper's {@code SESSIONEXPIRED}); its ephemeral nodes
 * and watches are gone.
 */
public class ZkSessionExpiredException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param path the path the failed call was about, or {@code null}
	 * @param cause the original exception, or {@code null}
	 */
	public ZkSessionExpiredException(String message, @Nullable String path, @Nullable Throwable cause) {
		super(message, path, KeeperException.Code.SESSIONEXPIRED, cause);
	}

}
