package io.zkboot.coordination;

import io.zkboot.core.ZkException;

/**
 * A thread tried to lock again a lock whose hold it lost: it must unlock it first.
 */
public class ZkLockLostException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what was lost
	 * @param path the lock's path
	 */
	public ZkLockLostException(String message, String path) {
		super(message, path, null);
	}

}
