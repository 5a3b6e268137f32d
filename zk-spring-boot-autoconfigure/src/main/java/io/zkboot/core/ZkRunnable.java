package io.zkboot.core;

/**
 * A function of one or more ZooKeeper calls with no result, that {@link ZkRetry#run(ZkRunnable)}
 * can run again; {@link ZkCallable} is the one with a result. It may throw Curator's and
 * ZooKeeper's checked exceptions; they are translated.
 */
@FunctionalInterface
public interface ZkRunnable {

	/**
	 * Runs the function once.
	 * @throws Exception whatever the calls throw
	 */
	void run() throws Exception;

}
