package io.zkboot.coordination;

import io.zkboot.core.ZkException;

/**
 * A lock, read or write lock, or semaphore lease could not be had within the time allowed.
 */
public class ZkLockTimeoutException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception.
	 * @param message what could not be had, and how long was waited
	 * @param path the lock's path
	 */
	public ZkLockTimeoutException(String message, String path) {
		super(message, path, null);
	}

}
