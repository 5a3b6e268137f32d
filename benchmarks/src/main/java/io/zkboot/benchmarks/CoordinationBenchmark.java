package io.zkboot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.coordination.ZkElections;
import io.zkboot.coordination.ZkLeaderElection;
import io.zkboot.coordination.ZkLeadershipListener;
import io.zkboot.coordination.ZkLock;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.coordination.ZkRevokePolicy;
import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;

/**
 * Locks and leadership ({@code io.zkboot.coordination}) against Curator's {@link InterProcessMutex}
 * and a bare watch, on {@link Main}'s server, in one run:
 *
 * <ol>
 * <li>uncontended acquire + release per second on one client: {@link ZkLock} ({@code lock()},
 * {@code unlock()}) against {@link InterProcessMutex} ({@code acquire()}, {@code release()}), each
 * on its own path; the subjects take turns going first, {@value #WARMUPS} warm-up runs, best of
 * {@code --runs}; and kazoo's {@code Lock} on the same server from a python3 subprocess, as a
 * reference row (skipped when no python3 imports kazoo);</li>
 * <li>contended handover: 3 clients (3 sessions), one thread each, take turns on one lock, holding
 * it {@value #HOLD_MICROS} µs; a sample is the time from just before the holder calls
 * {@code unlock()}/{@code release()} to the next holder's {@code lock()}/{@code acquire()}
 * returning; {@value #HANDOVER_WARMUP} handovers of warm-up, then {@value #HANDOVERS} counted, in
 * two halves in the order ours, Curator's, Curator's, ours;</li>
 * <li>graceful leader failover: 3 participants (3 sessions) in a {@link ZkLeaderElection}; the
 * leader's election is closed, and the sample is the time from the {@code close()} call to the
 * next participant's {@link ZkLeadershipListener#granted}; the closed participant joins again at
 * the end of the queue. The baseline: a bare ZooKeeper watch ({@code exists} with a watcher) on a
 * node that another client deletes, from the {@code delete()} call to the watch's event. The two
 * take turns;</li>
 * <li>crash failover: the leader's client talks to the server through a TCP relay that drops the
 * connection and refuses new ones (a network partition); the server ends its session after the
 * session timeout; the sample is the time from the cut to the next participant's
 * {@code granted}.</li>
 * </ol>
 */
final class CoordinationBenchmark implements Benchmark {

	private static final String ROOT = "/bench-coordination";

	private static final int OPERATIONS = 1_000;

	private static final int WARMUPS = 2;

	private static final int HANDOVER_WARMUP = 200;

	private static final int HANDOVERS = 2000;

	private static final long HOLD_MICROS = 500;

	private static final int FAILOVER_WARMUP = 20;

	private static final int FAILOVERS = 200;

	private static final int CRASHES = 5;

	/** Requested of the server for the crashing client; the row shows what the server granted. */
	private static final int CRASH_SESSION_TIMEOUT_MILLIS = 4000;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(30);

	private static final String KAZOO_SCRIPT = """
			import sys, time
			from kazoo.client import KazooClient
			hosts, path, ops, runs, warmups = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])
			zk = KazooClient(hosts=hosts)
			zk.start()
			lock = zk.Lock(path, "kazoo-bench")
			best = None
			for run in range(warmups + runs):
			    start = time.perf_counter()
			    for i in range(ops):
			        lock.acquire()
			        lock.release()
			    elapsed = (time.perf_counter() - start) * 1000
			    if run >= warmups and (best is None or elapsed < best):
			        best = elapsed
			zk.stop()
			print("best_ms %f" % best)
			""";

	@Override
	public String name() {
		return "coordination";
	}

	@Override
	public List<Row> run(BenchmarkContext context) throws Exception {
		CuratorFramework client = context.client();
		String connectString = client.getZookeeperClient().getCurrentConnectionString();
		List<Row> rows = new ArrayList<>();
		List<CuratorFramework> clients = new ArrayList<>();
		List<ZkLocks> allLocks = new ArrayList<>();
		try {
			for (int i = 0; i < 3; i++) {
				CuratorFramework other = newClient(connectString, 10_000);
				clients.add(other);
				allLocks.add(new ZkLocks(other, "bench-" + i, (event) -> {
				}, ObservationRegistry.NOOP, false));
			}
			ZkLocks locks = new ZkLocks(client, "bench", (event) -> {
			}, ObservationRegistry.NOOP, false);
			allLocks.add(locks);
			rows.addAll(uncontended(context, locks, connectString));
			rows.addAll(handover(clients, allLocks));
			rows.addAll(gracefulFailover(clients, allLocks));
			rows.addAll(crashFailover(connectString, clients));
		}
		finally {
			allLocks.forEach(ZkLocks::close);
			clients.forEach(CuratorFramework::close);
			new ZkTemplate(client).deleteRecursive(ROOT, DeleteOptions.defaults().withForce());
		}
		return rows;
	}

	private List<Result> uncontended(BenchmarkContext context, ZkLocks locks, String connectString)
			throws Exception {
		CuratorFramework client = context.client();
		ZkLock ours = locks.lock(ROOT + "/uncontended-ours");
		InterProcessMutex curators = new InterProcessMutex(client, ROOT + "/uncontended-curator");
		BestTimes times = new BestTimes();
		for (int run = 0; run < WARMUPS + context.runs(); run++) {
			boolean measured = run >= WARMUPS;
			boolean oursFirst = run % 2 == 0;
			for (int turn = 0; turn < 2; turn++) {
				if ((turn == 0) == oursFirst) {
					times.record("ours", measured, () -> {
						for (int i = 0; i < OPERATIONS; i++) {
							ours.lock();
							ours.unlock();
						}
					});
				}
				else {
					times.record("curator", measured, () -> {
						for (int i = 0; i < OPERATIONS; i++) {
							curators.acquire();
							curators.release();
						}
					});
				}
			}
		}
		String operation = "uncontended acquire + release";
		double baseline = times.millis("curator");
		List<Result> results = new ArrayList<>();
		results.add(new Result(name(), operation, "Curator InterProcessMutex acquire/release (baseline)", OPERATIONS,
				baseline, 0));
		results.add(new Result(name(), operation, "ZkLock lock/unlock", OPERATIONS, times.millis("ours"), baseline));
		Double kazoo = kazoo(connectString, context.runs());
		if (kazoo != null) {
			results.add(new Result(name(), operation, "kazoo Lock acquire/release (python3 subprocess, reference)",
					OPERATIONS, kazoo, baseline));
		}
		return results;
	}

	/** kazoo's Lock from a python3 subprocess; {@code null} (and a note) when no python3 has kazoo. */
	private Double kazoo(String connectString, int runs) throws Exception {
		for (String python : List.of("python3", "/usr/bin/python3")) {
			Process probe;
			try {
				probe = new ProcessBuilder(python, "-c", "import kazoo").redirectErrorStream(true).start();
			}
			catch (IOException ex) {
				continue;
			}
			probe.getInputStream().readAllBytes();
			if (probe.waitFor() != 0) {
				continue;
			}
			Process process = new ProcessBuilder(python, "-c", KAZOO_SCRIPT, connectString, ROOT + "/uncontended-kazoo",
					Integer.toString(OPERATIONS), Integer.toString(runs), Integer.toString(WARMUPS))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (process.waitFor() != 0) {
				throw new IllegalStateException(python + " running kazoo's Lock failed:\n" + output);
			}
			for (String line : output.split("\n")) {
				if (line.startsWith("best_ms ")) {
					System.out.println("coordination: kazoo's row from " + python);
					return Double.parseDouble(line.substring("best_ms ".length()).trim());
				}
			}
			throw new IllegalStateException(python + " printed no result:\n" + output);
		}
		System.out.println("coordination: no python3 imports kazoo (tried python3, /usr/bin/python3); "
				+ "kazoo's reference row is skipped");
		return null;
	}

	/** One lock as each of the 3 clients takes and gives it. */
	private interface Contender {

		void acquire() throws Exception;

		void release() throws Exception;

	}

	private List<LatencyResult> handover(List<CuratorFramework> clients, List<ZkLocks> locks) throws Exception {
		List<Contender> ours = new ArrayList<>();
		List<Contender> curators = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			ZkLock lock = locks.get(i).lock(ROOT + "/handover-ours");
			ours.add(new Contender() {
				@Override
				public void acquire() {
					lock.lock();
				}

				@Override
				public void release() {
					lock.unlock();
				}
			});
			InterProcessMutex mutex = new InterProcessMutex(clients.get(i), ROOT + "/handover-curator");
			curators.add(new Contender() {
				@Override
				public void acquire() throws Exception {
					mutex.acquire();
				}

				@Override
				public void release() throws Exception {
					mutex.release();
				}
			});
		}
		turns(ours, HANDOVER_WARMUP);
		turns(curators, HANDOVER_WARMUP);
		long[] oursFirstHalf = turns(ours, HANDOVERS / 2);
		long[] curatorsFirstHalf = turns(curators, HANDOVERS / 2);
		long[] curatorsSecondHalf = turns(curators, HANDOVERS / 2);
		long[] oursSecondHalf = turns(ours, HANDOVERS / 2);
		String operation = "contended handover, 3 clients (release to next holder)";
		LatencyResult baseline = LatencyResult.of(name(), operation, "Curator InterProcessMutex (baseline)",
				concat(curatorsFirstHalf, curatorsSecondHalf), TIMEOUT, null);
		return List.of(baseline,
				LatencyResult.of(name(), operation, "ZkLock", concat(oursFirstHalf, oursSecondHalf), TIMEOUT, baseline));
	}

	/**
	 * The 3 contenders take turns until {@code count} handovers were seen; returns the handover
	 * times.
	 */
	private long[] turns(List<Contender> contenders, int count) throws Exception {
		long[] samples = new long[count];
		AtomicInteger next = new AtomicInteger(-1);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicLong releasedAt = new AtomicLong();
		List<Throwable> failures = new CopyOnWriteArrayList<>();
		CountDownLatch start = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (Contender contender : contenders) {
			Thread thread = new Thread(() -> {
				try {
					start.await();
					while (true) {
						contender.acquire();
						long acquired = System.nanoTime();
						if (inside.incrementAndGet() != 1) {
							overlaps.incrementAndGet();
						}
						int index = next.getAndIncrement();
						if (index >= 0 && index < count) {
							samples[index] = acquired - releasedAt.get();
						}
						boolean last = index >= count - 1;
						LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(HOLD_MICROS));
						inside.decrementAndGet();
						releasedAt.set(System.nanoTime());
						contender.release();
						if (last || next.get() > count) {
							return;
						}
					}
				}
				catch (Throwable ex) {
					failures.add(ex);
				}
			}, "handover-" + threads.size());
			threads.add(thread);
			thread.start();
		}
		start.countDown();
		for (Thread thread : threads) {
			thread.join(TimeUnit.NANOSECONDS.toMillis(TIMEOUT) * 4);
			if (thread.isAlive()) {
				throw new IllegalStateException("the handover threads did not finish");
			}
		}
		if (!failures.isEmpty()) {
			throw new IllegalStateException("a contender failed", failures.get(0));
		}
		if (overlaps.get() != 0) {
			throw new IllegalStateException(overlaps.get() + " overlapping holds");
		}
		return samples;
	}

	private List<LatencyResult> gracefulFailover(List<CuratorFramework> clients, List<ZkLocks> locks)
			throws Exception {
		String path = ROOT + "/graceful";
		Grants listener = new Grants();
		BlockingQueue<ZkLeaderElection> granted = listener.queue;
		List<ZkElections> elections = new ArrayList<>();
		List<ZkLeaderElection> joined = new ArrayList<>();
		for (ZkLocks lock : locks.subList(0, 3)) {
			ZkElections election = new ZkElections(lock, ZkRevokePolicy.SUSPENDED, (event) -> {
			}, ObservationRegistry.NOOP);
			elections.add(election);
			joined.add(election.join(path, listener));
		}
		ZkLeaderElection leader = poll(granted);
		String watched = ROOT + "/watched";
		CuratorFramework deleter = clients.get(0);
		CuratorFramework watcher = clients.get(1);
		long[] failovers = new long[FAILOVERS];
		long[] watches = new long[FAILOVERS];
		try {
			for (int round = 0; round < FAILOVER_WARMUP + FAILOVERS; round++) {
				boolean failoverFirst = round % 2 == 0;
				long failover = 0;
				long watch = 0;
				for (int turn = 0; turn < 2; turn++) {
					if ((turn == 0) == failoverFirst) {
						// quiet: every participant has queued again before the next close
						while (leader.participants().size() < 3) {
							Thread.sleep(1);
						}
						int index = joined.indexOf(leader);
						long closing = System.nanoTime();
						leader.close();
						ZkLeaderElection next = poll(granted);
						failover = listener.lastAt() - closing;
						ZkElections owner = elections.get(index);
						joined.set(index, owner.join(path, listener));
						leader = next;
					}
					else {
						deleter.create().creatingParentsIfNeeded().withMode(CreateMode.EPHEMERAL).forPath(watched);
						BlockingQueue<Long> seen = new LinkedBlockingQueue<>();
						watcher.checkExists().usingWatcher((Watcher) (event) -> {
							if (event.getType() == Watcher.Event.EventType.NodeDeleted) {
								seen.add(System.nanoTime());
							}
						}).forPath(watched);
						long deleting = System.nanoTime();
						deleter.delete().forPath(watched);
						Long at = seen.poll(30, TimeUnit.SECONDS);
						if (at == null) {
							throw new IllegalStateException("the bare watch saw no delete in 30 s");
						}
						watch = at - deleting;
					}
				}
				if (round >= FAILOVER_WARMUP) {
					failovers[round - FAILOVER_WARMUP] = failover;
					watches[round - FAILOVER_WARMUP] = watch;
				}
			}
		}
		finally {
			elections.forEach(ZkElections::close);
		}
		LatencyResult baseline = LatencyResult.of(name(), "delete to event, bare watch / graceful failover",
				"bare ZooKeeper watch: delete() to NodeDeleted (baseline)", watches, TIMEOUT, null);
		return List.of(baseline, LatencyResult.of(name(), "delete to event, bare watch / graceful failover",
				"ZkLeaderElection: leader's close() to next granted", failovers, TIMEOUT, baseline),
				LatencyResult.of(name(), "delete to event, bare watch / graceful failover",
						"Curator LeaderLatch (peer): leader's close() to next isLeader()", curatorFailovers(clients),
						TIMEOUT, baseline));
	}

	/** The same graceful failover with Curator's own election recipe, as a peer. */
	private long[] curatorFailovers(List<CuratorFramework> clients) throws Exception {
		String path = ROOT + "/graceful-curator";
		BlockingQueue<LeaderLatch> granted = new LinkedBlockingQueue<>();
		long[] grantedAt = new long[1];
		List<LeaderLatch> latches = new ArrayList<>();
		for (CuratorFramework client : clients.subList(0, 3)) {
			latches.add(startedLatch(client, path, granted, grantedAt));
		}
		long[] failovers = new long[FAILOVERS];
		try {
			LeaderLatch leader = granted.poll(30, TimeUnit.SECONDS);
			for (int round = 0; round < FAILOVER_WARMUP + FAILOVERS; round++) {
				while (leader.getParticipants().size() < 3) {
					Thread.sleep(1);
				}
				int index = latches.indexOf(leader);
				long closing = System.nanoTime();
				leader.close();
				LeaderLatch next = granted.poll(30, TimeUnit.SECONDS);
				if (next == null) {
					throw new IllegalStateException("no LeaderLatch took over in 30 s");
				}
				synchronized (grantedAt) {
					if (round >= FAILOVER_WARMUP) {
						failovers[round - FAILOVER_WARMUP] = grantedAt[0] - closing;
					}
				}
				latches.set(index, startedLatch(clients.get(index), path, granted, grantedAt));
				leader = next;
			}
		}
		finally {
			for (LeaderLatch latch : latches) {
				if (latch.getState() == LeaderLatch.State.STARTED) {
					latch.close();
				}
			}
		}
		return failovers;
	}

	private static LeaderLatch startedLatch(CuratorFramework client, String path, BlockingQueue<LeaderLatch> granted,
			long[] grantedAt) throws Exception {
		LeaderLatch latch = new LeaderLatch(client, path);
		latch.addListener(new LeaderLatchListener() {
			@Override
			public void isLeader() {
				synchronized (grantedAt) {
					grantedAt[0] = System.nanoTime();
				}
				granted.add(latch);
			}

			@Override
			public void notLeader() {
			}
		});
		latch.start();
		return latch;
	}

	private List<LatencyResult> crashFailover(String connectString, List<CuratorFramework> clients) throws Exception {
		String path = ROOT + "/crash";
		Grants listener = new Grants();
		BlockingQueue<ZkLeaderElection> granted = listener.queue;
		List<ZkElections> survivors = new ArrayList<>();
		List<ZkLocks> survivorLocks = new ArrayList<>();
		long[] samples = new long[CRASHES];
		int sessionTimeout = 0;
		try {
			for (int crash = 0; crash < CRASHES; crash++) {
				try (Relay relay = new Relay(connectString);
						CuratorFramework doomed = newClient(relay.connectString(), CRASH_SESSION_TIMEOUT_MILLIS)) {
					ZkLocks doomedLocks = new ZkLocks(doomed, "doomed-" + crash, (event) -> {
					}, ObservationRegistry.NOOP, false);
					ZkElections doomedElections = new ZkElections(doomedLocks, ZkRevokePolicy.SUSPENDED, (event) -> {
					}, ObservationRegistry.NOOP);
					sessionTimeout = doomed.getZookeeperClient().getZooKeeper().getSessionTimeout();
					ZkLeaderElection doomedElection = doomedElections.join(path, listener);
					if (crash == 0) {
						if (poll(granted) != doomedElection) {
							throw new IllegalStateException("the first participant did not lead");
						}
						for (int i = 0; i < 2; i++) {
							ZkLocks locks = new ZkLocks(clients.get(i), "survivor-" + i, (event) -> {
							}, ObservationRegistry.NOOP, false);
							survivorLocks.add(locks);
							ZkElections elections = new ZkElections(locks, ZkRevokePolicy.SUSPENDED, (event) -> {
							}, ObservationRegistry.NOOP);
							survivors.add(elections);
							elections.join(path, listener);
						}
					}
					else {
						// the doomed participant queues after the survivors: the current leader yields once
						ZkLeaderElection leader = survivors.stream()
							.flatMap((e) -> e.elections().stream())
							.filter(ZkLeaderElection::isLeader)
							.findFirst()
							.orElseThrow();
						while (leader.participants().size() < 3) {
							Thread.sleep(1);
						}
						granted.clear();
						// leaders yield until the doomed participant leads
						while (!doomedElection.isLeader()) {
							leader.yieldLeadership();
							leader = poll(granted);
						}
					}
					while (doomedElection.participants().size() < 3) {
						Thread.sleep(1);
					}
					Thread.sleep(500);
					granted.clear();
					long cut = System.nanoTime();
					relay.cut();
					ZkLeaderElection next = poll(granted);
					if (next == doomedElection) {
						throw new IllegalStateException("the cut-off participant was granted again");
					}
					samples[crash] = listener.lastAt() - cut;
					doomedElections.close();
					doomedLocks.close();
				}
			}
		}
		finally {
			survivors.forEach(ZkElections::close);
			survivorLocks.forEach(ZkLocks::close);
		}
		return List.of(LatencyResult.of(name(), "crash failover: connection cut to next granted",
				"ZkLeaderElection, session timeout " + sessionTimeout + " ms (requested "
						+ CRASH_SESSION_TIMEOUT_MILLIS + ")",
				samples, TIMEOUT, null));
	}

	private static ZkLeaderElection poll(BlockingQueue<ZkLeaderElection> granted) throws InterruptedException {
		ZkLeaderElection election = granted.poll(30, TimeUnit.SECONDS);
		if (election == null) {
			throw new IllegalStateException("nobody was granted leadership in 30 s");
		}
		return election;
	}

	private static CuratorFramework newClient(String connectString, int sessionTimeoutMillis)
			throws InterruptedException {
		CuratorFramework client = CuratorFrameworkFactory.builder()
			.connectString(connectString)
			.sessionTimeoutMs(sessionTimeoutMillis)
			.connectionTimeoutMs(Math.min(sessionTimeoutMillis, 5000))
			.retryPolicy(new ExponentialBackoffRetry(100, 3))
			.build();
		client.start();
		if (!client.blockUntilConnected(30, TimeUnit.SECONDS)) {
			throw new IllegalStateException("could not connect to " + connectString);
		}
		return client;
	}

	private static long[] concat(long[] first, long[] second) {
		long[] all = new long[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

	/**
	 * A TCP relay between one client and the server that can cut the client off, as a network
	 * partition does: the client's connection drops and new ones are refused, while its session
	 * lives on in the server until the session timeout ends it.
	 */
	private static final class Relay implements AutoCloseable {

		private final ServerSocket listener;

		private final InetSocketAddress server;

		private final List<Socket> open = new CopyOnWriteArrayList<>();

		private volatile boolean cut;

		Relay(String serverConnectString) throws IOException {
			String first = serverConnectString.split(",")[0];
			int colon = first.lastIndexOf(':');
			this.server = new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
			this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
			Thread acceptor = new Thread(this::accept, "coordination-relay");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		String connectString() {
			return "127.0.0.1:" + this.listener.getLocalPort();
		}

		void cut() {
			this.cut = true;
			for (Socket socket : this.open) {
				closeQuietly(socket);
			}
		}

		private void accept() {
			while (!this.listener.isClosed()) {
				try {
					Socket client = this.listener.accept();
					if (this.cut) {
						closeQuietly(client);
						continue;
					}
					Socket upstream = new Socket(this.server.getAddress(), this.server.getPort());
					client.setTcpNoDelay(true);
					upstream.setTcpNoDelay(true);
					this.open.add(client);
					this.open.add(upstream);
					pump(client, upstream);
					pump(upstream, client);
				}
				catch (IOException ex) {
					// closed, or the server is down: the client retries
				}
			}
		}

		private void pump(Socket from, Socket to) {
			Thread thread = new Thread(() -> {
				byte[] buffer = new byte[8192];
				try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
					int read;
					while ((read = in.read(buffer)) >= 0) {
						out.write(buffer, 0, read);
					}
				}
				catch (IOException ex) {
					// one side closed
				}
				finally {
					closeQuietly(from);
					closeQuietly(to);
					this.open.remove(from);
					this.open.remove(to);
				}
			}, "coordination-relay-pump");
			thread.setDaemon(true);
			thread.start();
		}

		private static void closeQuietly(Socket socket) {
			try {
				socket.close();
			}
			catch (IOException ex) {
				// closing anyway
			}
		}

		@Override
		public void close() throws IOException {
			this.listener.close();
			cut();
		}

	}

	/** Records each grant, and when the last one came. */
	private static final class Grants implements ZkLeadershipListener {

		final BlockingQueue<ZkLeaderElection> queue = new LinkedBlockingQueue<>();

		private long lastAt;

		@Override
		public synchronized void granted(ZkLeaderElection election) {
			this.lastAt = System.nanoTime();
			this.queue.add(election);
		}

		@Override
		public void revoked(ZkLeaderElection election) {
		}

		synchronized long lastAt() {
			return this.lastAt;
		}

	}

}
