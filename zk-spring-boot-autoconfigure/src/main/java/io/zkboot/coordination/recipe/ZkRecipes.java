package io.zkboot.coordination.recipe;

import io.zkboot.coordination.ZkLocks;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;

import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;

/**
 * The factory of kazoo's recipes on kazoo's node layouts, so that Java and Python processes share
 * them: counters, barriers, parties, queues, leases and the set partitioner. Each method returns a
 * small object for one path; making one costs nothing in ZooKeeper until it is used.
 *
 * <pre>{@code
 * ZkCounter hits = recipes.counter("/counters/hits");
 * ZkParty workers = recipes.party("/workers");
 * ZkSetPartitioner shards = recipes.partitioner("/shards", Set.of("a", "b", "c")).start();
 * }</pre>
 *
 * <p>Methods taking a participant identifier have an overload using this factory's default
 * {@link #identifier()} (in an application: {@code zk.registry.instance-id} when set, else
 * {@code host:pid}).
 */
public class ZkRecipes {

	private final CuratorFramework client;

	private final ZkLocks locks;

	private final String identifier;

	private final @Nullable ApplicationEventPublisher events;

	private final Clock clock;

	/**
	 * Creates the factory.
	 * @param locks the locks leases and partitioners take, on the client the recipes use; their
	 * identifier is the default participant identifier
	 * @param events where parties and partitioners publish their events, or {@code null} for none
	 */
	public ZkRecipes(ZkLocks locks, @Nullable ApplicationEventPublisher events) {
		this(locks, events, Clock.systemUTC());
	}

	/**
	 * Creates the factory with the clock leases read.
	 * @param locks the locks leases and partitioners take, on the client the recipes use
	 * @param events where parties and partitioners publish their events, or {@code null} for none
	 * @param clock the clock of lease ends (kazoo's {@code utcnow})
	 */
	public ZkRecipes(ZkLocks locks, @Nullable ApplicationEventPublisher events, Clock clock) {
		this.client = locks.client();
		this.locks = locks;
		this.identifier = locks.identifier();
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The default participant identifier.
	 * @return the identifier
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * An integer counter (kazoo's {@code Counter(path)}).
	 * @param path the counter's node
	 * @return the counter
	 */
	public ZkCounter counter(String path) {
		return new ZkCounter(this.client, path);
	}

	/**
	 * A float counter (kazoo's {@code Counter(path, default=0.0)}).
	 * @param path the counter's node
	 * @return the counter
	 */
	public ZkFloatCounter floatCounter(String path) {
		return new ZkFloatCounter(this.client, path);
	}

	/**
	 * A barrier (kazoo's {@code Barrier}).
	 * @param path the barrier's node
	 * @return the barrier
	 */
	public ZkBarrier barrier(String path) {
		return new ZkBarrier(this.client, path);
	}

	/**
	 * A double barrier for {@code count} participants, this one with the default identifier.
	 * @param path the barrier's node
	 * @param count how many participants enter and leave together
	 * @return the barrier
	 */
	public ZkDoubleBarrier doubleBarrier(String path, int count) {
		return doubleBarrier(path, count, this.identifier);
	}

	/**
	 * A double barrier for {@code count} participants (kazoo's {@code DoubleBarrier}).
	 * @param path the barrier's node
	 * @param count how many participants enter and leave together
	 * @param identifier this participant's identifier
	 * @return the barrier
	 */
	public ZkDoubleBarrier doubleBarrier(String path, int count, String identifier) {
		return new ZkDoubleBarrier(this.client, path, count, identifier);
	}

	/**
	 * A party this instance can join with the default identifier (kazoo's {@code Party}).
	 * @param path the party's node
	 * @return the party
	 */
	public ZkParty party(String path) {
		return party(path, this.identifier);
	}

	/**
	 * A party (kazoo's {@code Party}: identifiers in the members' data).
	 * @param path the party's node
	 * @param identifier this member's identifier
	 * @return the party
	 */
	public ZkParty party(String path, String identifier) {
		return new ZkParty(this.client, path, identifier, false, this.events);
	}

	/**
	 * A shallow party this instance can join with the default identifier.
	 * @param path the party's node
	 * @return the party
	 */
	public ZkParty shallowParty(String path) {
		return shallowParty(path, this.identifier);
	}

	/**
	 * A shallow party (kazoo's {@code ShallowParty}: identifiers in the members' node names).
	 * @param path the party's node
	 * @param identifier this member's identifier, a valid node name
	 * @return the party
	 */
	public ZkParty shallowParty(String path, String identifier) {
		return new ZkParty(this.client, path, identifier, true, this.events);
	}

	/**
	 * A queue (kazoo's {@code Queue}).
	 * @param path the queue's node
	 * @return the queue
	 */
	public ZkQueue queue(String path) {
		return new ZkQueue(this.client, path);
	}

	/**
	 * A locking queue (kazoo's {@code LockingQueue}).
	 * @param path the queue's node
	 * @return the queue
	 */
	public ZkLockingQueue lockingQueue(String path) {
		return new ZkLockingQueue(this.client, path);
	}

	/**
	 * A lease held by the default identifier.
	 * @param path the lease's node
	 * @param duration how long an obtained lease lasts
	 * @return the lease
	 */
	public ZkLease lease(String path, Duration duration) {
		return lease(path, duration, this.identifier);
	}

	/**
	 * A lease (kazoo's {@code NonBlockingLease}).
	 * @param path the lease's node
	 * @param duration how long an obtained lease lasts
	 * @param identifier the holder's identifier
	 * @return the lease
	 */
	public ZkLease lease(String path, Duration duration, String identifier) {
		return new ZkLease(this.locks, path, duration, identifier, this.clock);
	}

	/**
	 * A lease of {@code count} holders, one of them the default identifier.
	 * @param path the leases' parent node
	 * @param count how many holders at most
	 * @param duration how long an obtained lease lasts
	 * @return the lease
	 */
	public ZkMultiLease multiLease(String path, int count, Duration duration) {
		return multiLease(path, count, duration, this.identifier);
	}

	/**
	 * A lease of {@code count} holders (kazoo's {@code MultiNonBlockingLease}).
	 * @param path the leases' parent node
	 * @param count how many holders at most
	 * @param duration how long an obtained lease lasts
	 * @param identifier the holder's identifier
	 * @return the lease
	 */
	public ZkMultiLease multiLease(String path, int count, Duration duration, String identifier) {
		return new ZkMultiLease(this.locks, path, count, duration, identifier, this.clock);
	}

	/**
	 * A set partitioner this instance takes part in with the default identifier; configure it,
	 * then {@link ZkSetPartitioner#start() start} it.
	 * @param path the partitioner's node
	 * @param items the set to partition
	 * @return the partitioner, not started
	 */
	public ZkSetPartitioner partitioner(String path, Collection<String> items) {
		return partitioner(path, items, this.identifier);
	}

	/**
	 * A set partitioner (kazoo's {@code SetPartitioner}); configure it, then
	 * {@link ZkSetPartitioner#start() start} it.
	 * @param path the partitioner's node
	 * @param items the set to partition
	 * @param identifier this member's identifier, a valid node name
	 * @return the partitioner, not started
	 */
	public ZkSetPartitioner partitioner(String path, Collection<String> items, String identifier) {
		return new ZkSetPartitioner(this.locks, path, items, identifier, this.events);
	}

}
