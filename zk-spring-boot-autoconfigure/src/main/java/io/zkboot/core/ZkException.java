package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * The root of the starter's unchecked ZooKeeper exceptions. It keeps the path the failed call was
 * about (when there was one), ZooKeeper's error code (when the server or client reported one) and
 * the original cause.
 *
 * <p>Instances are made by {@link ZkExceptionTranslator}; catch a subclass to handle one kind of
 * failure, or this class to handle them all.
 */
public class ZkException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** The path the failed call was about, or {@code null}. */
	private final @Nullable String path;

	/** ZooKeeper's error code, or {@code null}. */
	private final KeeperException.@Nullable Code code;

	/**
	 * Creates an exception.
	 * @param message what went wrong
	 * @param path the path the failed call was about, or {@code null}
	 * @param code ZooKeeper's error code, or {@code null} when the failure did not come from
	 * ZooKeeper
	 * @param cause the original exception, or {@code null}
	 */
	public ZkException(String message, @Nullable String path, KeeperException.@Nullable Code code, @Nullable Throwable cause) {
		super(message, cause);
		this.path = path;
		this.code = code;
	}

	/**
	 * Creates an exception that is not about a ZooKeeper error code.
	 * @param message what went wrong
	 * @param path the path the failed call was about, or {@code null}
	 * @param cause the original exception, or {@code null}
	 */
	public ZkException(String message, @Nullable String path, @Nullable Throwable cause) {
		this(message, path, null, cause);
	}

	/**
	 * Returns the path the failed call was about.
	 * @return the path, or {@code null} when the call was not about one path
	 */
	public @Nullable String getPath() {
		return this.path;
	}

	/**
	 * Returns ZooKeeper's error code.
	 * @return the code, or {@code null} when the failure did not come from ZooKeeper
	 */
	public KeeperException.@Nullable Code getCode() {
		return this.code;
	}

}
