package io.zkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * Thrown, before any call goes out, when a path is not a valid ZooKeeper path (for example empty,
 * relative, ending in {@code /}, or holding {@code //}, {@code .} or {@code ..} segments).
 */
public class ZkInvalidPathException extends ZkException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates the exception.
	 * @param message why the path is invalid
	 * @param path the invalid path
	 * @param cause the validator's exception, or {@code null}
	 */
	public ZkInvalidPathException(String message, @Nullable String path, @Nullable Throwable cause) {
		super(message, path, cause);
	}

}
