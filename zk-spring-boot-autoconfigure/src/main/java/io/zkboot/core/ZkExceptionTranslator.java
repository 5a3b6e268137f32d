package io.zkboot.core;

import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * Translates what ZooKeeper and Curator throw into the starter's unchecked {@link ZkException}
 * hierarchy, keeping the path and the original cause. Every part of the starter uses it; so can
 * application code that calls Curator or ZooKeeper directly.
 *
 * <pre>{@code
 * try {
 *     curator.delete().forPath("/a");
 * }
 * catch (Exception ex) {
 *     throw ZkExceptionTranslator.translate(ex, "/a");
 * }
 * }</pre>
 */
public final class ZkExceptionTranslator {

	private ZkExceptionTranslator() {
	}

	/**
	 * Translates any exception thrown by a ZooKeeper or Curator call. A {@link ZkException} is
	 * returned as it is; a {@link KeeperException} becomes the subclass for its code; an
	 * {@link InterruptedException} sets the thread's interrupt flag again and becomes a
	 * {@link ZkInterruptedException}; an {@link IllegalArgumentException} (how ZooKeeper and Curator
	 * reject a bad path) becomes a {@link ZkInvalidPathException}; anything else becomes a plain
	 * {@link ZkException}.
	 * @param ex the exception to translate
	 * @param path the path the call was about, or {@code null}; a {@link KeeperException}'s own
	 * path wins when it has one
	 * @return the translated exception, to be thrown by the caller
	 */
	public static ZkException translate(Throwable ex, @Nullable String path) {
		if (ex instanceof ZkException zk) {
			return zk;
		}
		if (ex instanceof KeeperException ke) {
			return translate(ke.code(), (ke.getPath() != null) ? ke.getPath() : path, ke);
		}
		if (ex instanceof InterruptedException) {
			Thread.currentThread().interrupt();
			return new ZkInterruptedException(path, ex);
		}
		if (ex instanceof IllegalArgumentException) {
			return new ZkInvalidPathException("invalid path " + path + ": " + ex.getMessage(), path, ex);
		}
		return new ZkException("ZooKeeper call failed" + ((path != null) ? " for " + path : "") + ": " + ex,
				path, ex);
	}

	/**
	 * Translates a ZooKeeper error code, as asynchronous callbacks and multi-operation results
	 * report it.
	 * @param code the error code; must not be {@link KeeperException.Code#OK}
	 * @param path the path the call was about, or {@code null}
	 * @param cause the original exception, or {@code null} (then a {@link KeeperException} for the
	 * code is made, so the cause is never lost)
	 * @return the translated exception, to be thrown by the caller
	 */
	public static ZkException translate(KeeperException.Code code, @Nullable String path, @Nullable Throwable cause) {
		Throwable original = (cause != null) ? cause : KeeperException.create(code, path);
		String message = describe(code) + ((path != null) ? ": " + path : "");
		return switch (code) {
			case NONODE -> new ZkNoNodeException(message, path, original);
			case NODEEXISTS -> new ZkNodeExistsException(message, path, original);
			case BADVERSION -> new ZkBadVersionException(message, path, original);
			case NOTEMPTY -> new ZkNotEmptyException(message, path, original);
			case NOAUTH, AUTHFAILED -> new ZkNoAuthException(message, path, original);
			case CONNECTIONLOSS -> new ZkConnectionLossException(message, path, original);
			case SESSIONEXPIRED, SESSIONMOVED -> new ZkSessionExpiredException(message, path, original);
			case OPERATIONTIMEOUT -> new ZkOperationTimeoutException(message, path, original);
			case BADARGUMENTS -> new ZkInvalidPathException(message, path, original);
			default -> new ZkException(message, path, code, original);
		};
	}

	/**
	 * Returns a short human description of a ZooKeeper error code.
	 * @param code the code
	 * @return e.g. {@code "node does not exist"} for {@code NONODE}
	 */
	public static String describe(KeeperException.Code code) {
		return switch (code) {
			case NONODE -> "node does not exist";
			case NODEEXISTS -> "node already exists";
			case BADVERSION -> "bad version (the node's version is not the expected one)";
			case NOTEMPTY -> "node has children";
			case NOAUTH -> "not authorized";
			case AUTHFAILED -> "authentication failed";
			case CONNECTIONLOSS -> "connection to ZooKeeper lost";
			case SESSIONEXPIRED -> "ZooKeeper session expired";
			case SESSIONMOVED -> "ZooKeeper session moved to another server";
			case OPERATIONTIMEOUT -> "ZooKeeper operation timed out";
			case BADARGUMENTS -> "bad arguments";
			case NOCHILDRENFOREPHEMERALS -> "ephemeral nodes cannot have children";
			default -> "ZooKeeper error " + code;
		};
	}

}
