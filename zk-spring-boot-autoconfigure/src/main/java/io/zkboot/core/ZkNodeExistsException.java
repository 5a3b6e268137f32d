package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Thrown when a node to be created already exists (ZooKeeper's {@code NODEEXISTS}).
 */
public class ZkNodeExistsException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message what went wrong
	 * @param path the path the failed call was about, or {@code null}
	 * @param cause the original exception, or {@code null}
	 */
	public ZkNodeExistsException(String message, @Nullable String path, @Nullable Throwable cause) {
		super(message, path, KeeperException.Code.NODEEXISTS, cause);
	}

}
