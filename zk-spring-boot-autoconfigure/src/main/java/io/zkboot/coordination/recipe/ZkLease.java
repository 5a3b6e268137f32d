package io.zkboot.coordination.recipe;

import io.zkboot.coordination.ZkLock;
import io.zkboot.coordination.ZkLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkException;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.jspecify.annotations.Nullable;

/**
 * kazoo's {@code NonBlockingLease}: at most one holder for a period, decided without waiting for
 * the holder to give it up. An instance that obtains the lease runs the task; the others skip it.
 * The holder renews by obtaining again with the same identifier.
 *
 * <pre>{@code
 * ZkLease cleanup = recipes.lease("/leases/hourly-cleanup", Duration.ofMinutes(70));
 * if (cleanup.obtain()) {
 *     cleanUp();
 * }
 * }</pre>
 *
 * <p>Layout, kazoo's: under the lease path, kazoo's lock (contenders
 * {@code <uuid hex>__lock__<sequence>} holding the identifier) guards the persistent node
 * {@code lease_holder}, whose data is kazoo's JSON, byte for byte:
 * {@code {"version": 1, "holder": "<identifier>", "end": "2025-06-01T12:00:00"}} (the end in UTC,
 * whole seconds, no zone). Under the lock, the lease is obtained when there is no holder, when the
 * holder is this identifier, or when the end has passed; the holder node is then replaced.
 *
 * <p>The lease is time-based, not tied to the session: it stays held for its duration even when its
 * holder's session ends, and it relies on the participants' clocks being roughly in step (as
 * kazoo's does). A holder written in another format version is left alone (not obtained).
 */
public final class ZkLease {

	static final String HOLDER = "lease_holder";

	private static final int VERSION = 1;

	private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

	private final CuratorFramework client;

	private final ZkLocks locks;

	private final String path;

	private final Duration duration;

	private final String identifier;

	private final Clock clock;

	ZkLease(ZkLocks locks, String path, Duration duration, String identifier, Clock clock) {
		if (duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException("lease " + path + " needs a positive duration, not " + duration);
		}
		this.client = locks.client();
		this.locks = locks;
		this.path = Nodes.checkPath(path, "lease");
		this.duration = duration;
		this.identifier = identifier;
		this.clock = clock;
	}

	/**
	 * The lease's path.
	 * @return the path
	 */
	public String path() {
		return this.path;
	}

	/**
	 * This holder's identifier; obtaining again with it renews the lease.
	 * @return the identifier
	 */
	public String identifier() {
		return this.identifier;
	}

	/**
	 * How long an obtained lease lasts.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * Tries once to obtain (or renew) the lease for its duration from now.
	 * @return {@code true} when this identifier holds the lease now
	 * @throws ZkException when ZooKeeper fails or the holder node cannot be read
	 */
	public boolean obtain() {
		ZkLock lock = this.locks.lock(this.path, this.identifier);
		String holderPath = Nodes.child(this.path, HOLDER);
		try {
			Nodes.ensurePath(this.client, this.path);
			lock.lockInterruptibly();
			try {
				LocalDateTime now = LocalDateTime.now(this.clock);
				boolean present = false;
				try {
					Holder current = decode(this.client.getData().forPath(holderPath));
					if (current == null) {
						return false;
					}
					if (!current.identifier().equals(this.identifier)
							&& now.isBefore(LocalDateTime.ofInstant(current.end(), ZoneOffset.UTC))) {
						return false;
					}
					present = true;
				}
				catch (KeeperException.NoNodeException ex) {
					// no holder yet
				}
				byte[] data = encode(this.identifier, now.plus(this.duration).truncatedTo(ChronoUnit.SECONDS));
				if (present) {
					this.client.transaction()
						.forOperations(this.client.transactionOp().delete().forPath(holderPath),
								this.client.transactionOp().create().forPath(holderPath, data));
				}
				else {
					this.client.create().forPath(holderPath, data);
				}
				return true;
			}
			finally {
				lock.unlock();
			}
		}
		catch (ZkException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/**
	 * Reads who holds the lease, whether or not its end has passed.
	 * @return the holder, or empty when nobody obtained it yet (or it is in another format
	 * version)
	 */
	public Optional<Holder> holder() {
		try {
			return Optional.ofNullable(decode(this.client.getData().forPath(Nodes.child(this.path, HOLDER))));
		}
		catch (KeeperException.NoNodeException ex) {
			return Optional.empty();
		}
		catch (ZkException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw Nodes.translate(ex, this.path);
		}
	}

	/** kazoo's JSON, as Python's {@code json.dumps} writes it. */
	static byte[] encode(String identifier, LocalDateTime end) {
		return Nodes.utf8("{\"version\": " + VERSION + ", \"holder\": " + NodeProperties.toJson(identifier)
				+ ", \"end\": \"" + END.format(end) + "\"}");
	}

	/** The holder, or {@code null} when written in another format version. */
	private @Nullable Holder decode(byte[] data) {
		String holderPath = Nodes.child(this.path, HOLDER);
		Map<String, Object> json = NodeProperties.decode(data);
		try {
			if (!(json.get("version") instanceof Number version) || version.doubleValue() != VERSION) {
				return null;
			}
			String end = (String) json.get("end");
			return new Holder((String) json.get("holder"),
					LocalDateTime.parse(end, END).toInstant(ZoneOffset.UTC));
		}
		catch (RuntimeException ex) {
			throw new ZkException(
					"lease holder " + holderPath + " is not kazoo's lease JSON (" + ex.getClass().getSimpleName() + ")",
					holderPath, ex);
		}
	}

	/**
	 * Who holds a lease, and until when.
	 * @param identifier the holder's identifier
	 * @param end when the lease ends (whole seconds)
	 */
	public record Holder(String identifier, Instant end) {
	}

}
