package io.zkboot.coordination.recipe;

import java.util.List;

import org.springframework.context.ApplicationEvent;

/**
 * Published (and given to {@link ZkSetPartitioner#onChange} listeners) when this instance's share of
 * a partitioned set changes: when it is acquired, and when it is released or lost.
 */
public class ZkPartitionChangedEvent extends ApplicationEvent {

	private final String path;

	private final String identifier;

	private final ZkSetPartitioner.State state;

	private final List<String> share;

	private final List<String> previousShare;

	/**
	 * Creates an event.
	 * @param partitioner the partitioner
	 * @param path its path
	 * @param identifier this member's identifier
	 * @param state the partitioner's state
	 * @param share the items this instance holds now
	 * @param previousShare the items it held before
	 */
	public ZkPartitionChangedEvent(ZkSetPartitioner partitioner, String path, String identifier,
			ZkSetPartitioner.State state, List<String> share, List<String> previousShare) {
		super(partitioner);
		this.path = path;
		this.identifier = identifier;
		this.state = state;
		this.share = List.copyOf(share);
		this.previousShare = List.copyOf(previousShare);
	}

	/**
	 * The partitioner's path.
	 * @return the path
	 */
	public String getPath() {
		return this.path;
	}

	/**
	 * This member's identifier.
	 * @return the identifier
	 */
	public String getIdentifier() {
		return this.identifier;
	}

	/**
	 * The partitioner's state: {@code ACQUIRED} with the new share, {@code RELEASE} or
	 * {@code FAILURE} with an empty one.
	 * @return the state
	 */
	public ZkSetPartitioner.State getState() {
		return this.state;
	}

	/**
	 * The items this instance holds now.
	 * @return the share, sorted; empty unless acquired
	 */
	public List<String> getShare() {
		return this.share;
	}

	/**
	 * The items this instance held before.
	 * @return the previous share
	 */
	public List<String> getPreviousShare() {
		return this.previousShare;
	}

	/**
	 * The partitioner.
	 * @return the partitioner whose share changed
	 */
	public ZkSetPartitioner getPartitioner() {
		return (ZkSetPartitioner) getSource();
	}

}
