package io.zkboot.coordination;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import io.micrometer.observation.ObservationRegistry;

/**
 * Leader elections on kazoo's layout; the application's bean. {@link #join} starts taking part
 * in one; every election joined is left when the application stops, and listed by the
 * {@code zkcoordination} endpoint.
 *
 * <pre>{@code
 * ZkLeaderElection election = elections.join("/leaders/importer", new ZkLeadershipListener() {
 *     public void granted(ZkLeaderElection e) { importer.start(); }
 *     public void revoked(ZkLeaderElection e) { importer.stop(); }
 * });
 * election.leader();       // who leads, asked from any participant
 * }</pre>
 */
public class ZkElections implements AutoCloseable {

	private final ZkLocks locks;

	private final ZkRevokePolicy revokePolicy;

	private final Consumer<Object> publisher;

	private final ObservationRegistry observations;

	private final List<ZkLeaderElection> joined = new CopyOnWriteArrayList<>();

	/**
	 * Elections on locks.
	 * @param locks the locks elections are held on
	 * @param revokePolicy when a troubled connection revokes leadership
	 * @param publisher receives {@link ZkLeadershipEvent}s
	 * @param observations observes terms as leader
	 */
	public ZkElections(ZkLocks locks, ZkRevokePolicy revokePolicy, Consumer<Object> publisher,
			ObservationRegistry observations) {
		this.locks = locks;
		this.revokePolicy = revokePolicy;
		this.publisher = publisher;
		this.observations = observations;
	}

	/**
	 * Take part in the election at a path, with this application's identifier.
	 * @param path the election's path
	 * @param listeners told when leadership is granted and revoked
	 * @return the started election
	 */
	public ZkLeaderElection join(String path, ZkLeadershipListener... listeners) {
		ZkLeaderElection election = create(path);
		for (ZkLeadershipListener listener : listeners) {
			election.addListener(listener);
		}
		election.start();
		return election;
	}

	/**
	 * An election at a path, not started yet: add listeners, then {@link ZkLeaderElection#start()}.
	 * @param path the election's path
	 * @return the election, left when the application stops
	 */
	public ZkLeaderElection create(String path) {
		ZkLeaderElection election = new ZkLeaderElection(this.locks.electionLock(path), this.revokePolicy, this.publisher,
				this.observations);
		this.joined.add(election);
		return election;
	}

	/**
	 * The elections this application takes part in.
	 * @return the elections, in the order they were created
	 */
	public List<ZkLeaderElection> elections() {
		return List.copyOf(this.joined);
	}

	/** Leave every election. */
	@Override
	public void close() {
		for (ZkLeaderElection election : this.joined) {
			election.close();
		}
	}

}
