package io.zkboot.coordination.recipe;

import java.util.Locale;
import java.util.function.DoubleConsumer;

import io.zkboot.core.NodeProperties;
import org.apache.curator.framework.CuratorFramework;

/**
 * kazoo's {@code Counter} of floats ({@code zk.Counter(path, default=0.0)}): a shared
 * {@code double} changed atomically by Java and Python processes.
 *
 * <p>Layout, kazoo's: one persistent node holding Python's {@code repr} of the value in ASCII
 * ({@code 3.0}, {@code 0.1}, {@code 1e+16}, {@code inf}); empty data reads as 0.0. Additions work
 * as {@link ZkCounter}'s.
 */
public final class ZkFloatCounter {

	private final CounterNode<Double> node;

	ZkFloatCounter(CuratorFramework client, String path) {
		this.node = new CounterNode<>(client, path, 0.0, ZkFloatCounter::parse, ZkFloatCounter::repr, Double::sum);
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
	 * @return the current value, 0.0 for a new counter
	 * @throws io.zkboot.core.ZkException when ZooKeeper fails or the node holds no number
	 */
	public double get() {
		return this.node.get();
	}

	/**
	 * Adds to the value atomically (a negative delta subtracts).
	 * @param delta what to add
	 * @return the value just before and just after this addition
	 * @throws io.zkboot.core.ZkException when ZooKeeper fails or the node holds no number
	 */
	public Change add(double delta) {
		CounterNode.Sum<Double> sum = this.node.add(delta);
		return new Change(sum.pre(), sum.post());
	}

	/**
	 * Calls the listener with the value now and after every change, as
	 * {@link ZkCounter#onChange(java.util.function.LongConsumer)} does.
	 * @param listener what to call
	 * @return the subscription; close it to stop the calls
	 */
	public ZkSubscription onChange(DoubleConsumer listener) {
		return this.node.onChange(listener::accept);
	}

	/** Python's {@code repr} of a float. */
	static String repr(double value) {
		if (Double.isNaN(value)) {
			return "nan";
		}
		if (Double.isInfinite(value)) {
			return (value > 0) ? "inf" : "-inf";
		}
		return NodeProperties.formatFloat(value);
	}

	/** Python's {@code float(text)} for what kazoo and this class write (and integers). */
	static double parse(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		String unsigned = (lower.startsWith("-") || lower.startsWith("+")) ? lower.substring(1) : lower;
		double sign = lower.startsWith("-") ? -1 : 1;
		return switch (unsigned) {
			case "inf", "infinity" -> sign * Double.POSITIVE_INFINITY;
			case "nan" -> Double.NaN;
			default -> {
				if (!unsigned.matches("[0-9._]*(e[+-]?[0-9_]+)?") || unsigned.isEmpty()) {
					throw new NumberFormatException(text);
				}
				yield Double.parseDouble(lower.replace("_", ""));
			}
		};
	}

	/**
	 * One addition: kazoo's {@code pre_value} and {@code post_value}.
	 * @param pre the value just before the addition
	 * @param post the value the addition wrote
	 */
	public record Change(double pre, double post) {
	}

}
