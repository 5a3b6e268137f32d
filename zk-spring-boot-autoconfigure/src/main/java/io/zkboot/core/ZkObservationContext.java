package io.zkboot.core;

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an observation of a ZooKeeper operation ({@value ZkObservations#NAME}) knows: the
 * operation, the path it is about and, once it is over, its outcome.
 */
public class ZkObservationContext extends Observation.Context {

	private final String operation;

	private final @Nullable String path;

	private @Nullable String outcome;

	/**
	 * Creates the context of one operation.
	 * @param operation the operation, for example {@code get} or {@code delete_recursive}
	 * @param path the path it is about, or {@code null} for one about several paths (a
	 * transaction, a tree created at once)
	 */
	public ZkObservationContext(String operation, @Nullable String path) {
		this.operation = operation;
		this.path = path;
	}

	/**
	 * Returns the operation.
	 * @return for example {@code create}, {@code get_children}, {@code import_tree}
	 */
	public String getOperation() {
		return this.operation;
	}

	/**
	 * Returns the path the operation is about.
	 * @return the path, or {@code null}
	 */
	public @Nullable String getPath() {
		return this.path;
	}

	/**
	 * Returns how the operation ended.
	 * @return {@code success}, ZooKeeper's error code in lower case (such as {@code nonode},
	 * {@code badversion}), {@code error} for another failure, or {@code null} while it runs
	 */
	public @Nullable String getOutcome() {
		return this.outcome;
	}

	void setOutcome(String outcome) {
		this.outcome = outcome;
	}

}
