package io.zkboot.coordination.recipe;

import java.util.function.LongConsumer;

import org.apache.curator.framework.CuratorFramework;

/**
 * kazoo's {@code Counter} of integers: a shared value changed atomically by any number of Java and
 * Python processes.
 *
 * <pre>{@code
 * ZkCounter hits = recipes.counter("/counters/hits");
 * ZkCounter.Change change = hits.add(1);   // change.pre() == 41, change.post() == 42
 * long now = hits.get();
 * }</pre>
 *
 * <p>Layout, kazoo's: one persistent node holding the value's decimal text in ASCII ({@code 42});
 * empty data (as {@code ensure_path} leaves a new counter) reads as 0. An addition reads the value
 * and the node's version and writes the sum at that version, reading again when another participant
 * was first, so no addition is lost. Values are Java {@code long}s: an addition that would overflow
 * fails (Python's integers have no bound).
 */
public final class ZkCounter {

	private final CounterNode<Long> node;

	ZkCounter(CuratorFramework client, String path) {
		this.node = new CounterNode<>(client, path, 0L, Long::parseLong, String::valueOf, Math::addExact);
	}

	/**
	 * The counter's path.
	 * @return the path
	 */
	public String path() {
		return this.node.path();
	}

	/**
	 * Reads the value, creating the counter node when it is missing.
	 * @return the current value, 0 for a new counter
	 * @throws io.zkboot.core.ZkException when ZooKeeper fails or the node holds no integer
	 */
	public long get() {
		return this.node.get();
	}

	/**
	 * Adds to the value atomically (a negative delta subtracts).
	 * @param delta what to add
	 * @return the value just before and just after this addition
	 * @throws io.zkboot.core.ZkException when ZooKeeper fails, the node holds no integer or the sum
	 * overflows
	 */
	public Change add(long delta) {
		CounterNode.Sum<Long> sum = this.node.add(delta);
		return new Change(sum.pre(), sum.post());
	}

	/**
	 * Calls the listener with the value now and after every change, in order, on a thread of its
	 * own (not ZooKeeper's event thread). Changes made in quick succession may be seen as one.
	 * @param listener what to call
	 * @return the subscription; close it to stop the calls
	 */
	public ZkSubscription onChange(LongConsumer listener) {
		return this.node.onChange(listener::accept);
	}

	/**
	 * One addition: kazoo's {@code pre_value} and {@code post_value}.
	 * @param pre the value just before the addition
	 * @param post the value the addition wrote
	 */
	public record Change(long pre, long post) {
	}

}
