package io.zkboot.core;

import org.apache.zookeeper.data.Stat;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one operation of a committed {@link ZkTransaction}.
 *
 * @param type what the operation was
 * @param path the path the operation was queued with
 * @param resultPath the path it acted on (for a sequential create, the name the server chose)
 * @param stat the node's new {@link Stat} for a set, else {@code null}
 */
public record ZkOperationResult(Type type, String path, String resultPath, @Nullable Stat stat) {

	/** The kinds of operation a transaction can hold. */
	public enum Type {

		/** A version check. */
		CHECK,

		/** A node creation. */
		CREATE,

		/** A data update. */
		SET,

		/** A node deletion. */
		DELETE

	}

}
