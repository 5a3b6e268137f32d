package io.zkboot.tree;

import io.zkboot.core.ZkException;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * An import that cannot be made (nothing written), or that ZooKeeper refused part of. Each
 * transaction is applied whole or not at all; the ones before the refused one are applied, and
 * ones sent along with it may be.
 */
public class TreeImportException extends ZkException {

	/**
	 * Creates the exception.
	 *
	 * @param message what failed
	 * @param path    the import path, or the first path of the refused transaction, or
	 *                {@code null}
	 * @param code    ZooKeeper's error code, or {@code null} when the failure did not come from
	 *                ZooKeeper
	 * @param cause   the original exception, or {@code null}
	 */
	public TreeImportException(String message, @Nullable String path, KeeperException.@Nullable Code code,
			@Nullable Throwable cause) {
		super(message, path, code, cause);
	}

}
