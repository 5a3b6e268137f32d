package io.zkboot.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import com.sun.management.OperatingSystemMXBean;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.apache.curator.test.TestingServer;

/**
 * Measures the latency from a change of a node to the moment a subject saw it, for several
 * subjects at once, as {@code watch-latency} and {@code config-scale} do: each subject's node is
 * changed once per round, in an order shuffled every round (so that no subject always follows
 * the same one), each change made when the process is quiet (so that no change meets work left
 * over from the one before: Spring Cloud's refresh goes on after the bean was re-bound) and
 * measured until it was seen or {@link #TIMEOUT} passed.
 */
final class ChangeRounds {

	/** How long a change may take to be seen; a longer one is counted at this value. */
	static final long TIMEOUT = TimeUnit.SECONDS.toNanos(10);

	private static final long QUIET_WINDOW_MILLIS = 2;

	private static final OperatingSystemMXBean CPU = (OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private static final String FORCE_SYNC = "zookeeper.forceSync";

	private ChangeRounds() {
	}

	/**
	 * Runs work against a server of its own and a connected writer client, failed host name
	 * lookups kept for the run ({@link BenchApps#keepFailedHostLookups()}).
	 * @param <T> what the work returns
	 * @param work the work
	 * @return what the work returned
	 * @throws Exception when the server or the work fails
	 */
	static <T> T onServer(OnServer<T> work) throws Exception {
		BenchApps.keepFailedHostLookups();
		try (TestingServer server = startServer();
				CuratorFramework writer = CuratorFrameworkFactory.newClient(server.getConnectString(),
						new RetryOneTime(100))) {
			writer.start();
			writer.blockUntilConnected();
			return work.run(writer, server.getConnectString());
		}
	}

	/**
	 * Starts a server for change latencies. Its transaction log is not forced to disk unless
	 * {@code -Dzookeeper.forceSync=yes} is given: every subject waits for the same write, and on
	 * the benchmark machine's virtual disk the fsync alone adds 2 to 3 ms to the write's p99,
	 * which would measure the disk rather than the clients.
	 */
	static TestingServer startServer() throws Exception {
		String forceSync = System.getProperty(FORCE_SYNC);
		System.setProperty(FORCE_SYNC, (forceSync != null) ? forceSync : "no");
		try {
			return new TestingServer(true);
		}
		finally {
			if (forceSync == null) {
				System.clearProperty(FORCE_SYNC);
			}
		}
	}

	/**
	 * Writes a node, creating it (and its parents) when it does not exist.
	 * @param writer the writing client
	 * @param path the node's path
	 * @param text its data
	 * @throws Exception when the write fails
	 */
	static void set(CuratorFramework writer, String path, String text) throws Exception {
		byte[] data = text.getBytes(StandardCharsets.UTF_8);
		if (writer.checkExists().forPath(path) == null) {
			writer.create().creatingParentsIfNeeded().forPath(path, data);
		}
		else {
			writer.setData().forPath(path, data);
		}
	}

	/**
	 * Changes each subject's node once per round and measures until the subject saw the change.
	 * @param warmup the rounds not counted
	 * @param changes the rounds counted
	 * @param subjects the subjects
	 * @param write the name under which the change calls alone are recorded, or {@code null}
	 * @return each subject's latencies (and the change calls' under {@code write}), in
	 * nanoseconds, sorted, in the order of the subjects
	 * @throws Exception when a change fails
	 */
	static Map<String, long[]> measure(int warmup, int changes, List<Subject> subjects, String write)
			throws Exception {
		Map<String, List<Long>> latencies = new LinkedHashMap<>();
		subjects.forEach((subject) -> latencies.put(subject.name(), new ArrayList<>()));
		List<Long> writes = new ArrayList<>();
		List<Subject> order = new ArrayList<>(subjects);
		Random random = new Random(42);
		for (int i = 0; i < warmup + changes; i++) {
			String value = "v" + i;
			Collections.shuffle(order, random);
			for (Subject subject : order) {
				awaitQuiet();
				subject.probe().expect(value);
				long start = System.nanoTime();
				subject.change().make(value);
				long written = System.nanoTime();
				long seen = subject.probe().await(start + TIMEOUT);
				if (i >= warmup) {
					latencies.get(subject.name()).add((seen > 0) ? seen - start : TIMEOUT);
					writes.add(written - start);
				}
			}
		}
		if (write != null) {
			latencies.put(write, writes);
		}
		Map<String, long[]> sorted = new LinkedHashMap<>();
		latencies.forEach((name, list) -> sorted.put(name, list.stream().mapToLong(Long::longValue).sorted().toArray()));
		return sorted;
	}

	/**
	 * Waits (at most a second) until this process used less than a tenth of one processor over
	 * {@value #QUIET_WINDOW_MILLIS} ms.
	 * @throws InterruptedException when interrupted
	 */
	static void awaitQuiet() throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		long cpu = CPU.getProcessCpuTime();
		while (System.nanoTime() < deadline) {
			Thread.sleep(QUIET_WINDOW_MILLIS);
			long now = CPU.getProcessCpuTime();
			if (now - cpu < TimeUnit.MILLISECONDS.toNanos(QUIET_WINDOW_MILLIS) / 10) {
				return;
			}
			cpu = now;
		}
	}

	/** Work against a server: the writer client and the server's connect string. */
	@FunctionalInterface
	interface OnServer<T> {

		T run(CuratorFramework writer, String connectString) throws Exception;

	}

	/** One change of the node under measurement. */
	@FunctionalInterface
	interface Change {

		void make(String value) throws Exception;

	}

	/** Releases what a subject holds. */
	@FunctionalInterface
	interface Closer {

		void close() throws Exception;

	}

	/** One path under measurement: how to change its node and where the change is seen. */
	record Subject(String name, Probe probe, Change change, Closer closer) {

		void close() throws Exception {
			this.closer.close();
		}

	}

}
