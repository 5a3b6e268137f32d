package io.zkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown when the calling thread was interrupted while it waited for ZooKeeper. The thread's
 * interrupt flag is set again before this is thrown.
 */
public class ZkInterruptedException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param path the path the interrupted call was about, or {@code null}
	 * @param cause the {@link InterruptedException}
	 */
	public ZkInterruptedException(@Nullable String path, @Nullable Throwable cause) {
		super("interrupted while waiting for ZooKeeper" + (path != null ? " (" + path + ")" : ""), path, cause);
	}

}
