package io.zkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * A function of one or more ZooKeeper calls that {@link ZkRetry} can run again. It may throw
 * Curator's and ZooKeeper's checked exceptions; they are translated.
 *
 * @param <T> the function's result
 */
@FunctionalInterface
public interface ZkCallable<T extends @Nullable Object> {

	/**
	 * Runs the function once.
	 * @return its result
	 * @throws Exception whatever the calls throw
	 */
	T call() throws Exception;

}
