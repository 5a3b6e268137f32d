package io.zkboot.coordination.recipe;

/**
 * A registered callback of a recipe (a counter's value, a party's members, a partitioner's
 * share); closing it stops the calls.
 */
@FunctionalInterface
public interface ZkSubscription extends AutoCloseable {

	/** Stops the calls; calls already running finish. */
	@Override
	void close();

}
