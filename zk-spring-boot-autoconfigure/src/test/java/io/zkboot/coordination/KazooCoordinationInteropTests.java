package io.zkboot.coordination;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.micrometer.observation.ObservationRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.CreateMode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Python processes using kazoo 2.8's recipes and this application's coordination on the same
 * paths of a real server: a kazoo {@code Lock} and a {@link ZkLock} exclude each other, kazoo's
 * {@code Election} and {@link ZkLeaderElection} candidates elect one leader among them while
 * they die, readers and writers of both languages share a read/write lock as they should, and a
 * kazoo {@code Semaphore} and a {@link ZkSemaphore} count the same leases. Skipped with a
 * message where {@code python3} with kazoo is not installed.
 */
class KazooCoordinationInteropTests {

	@RegisterExtension
	static CoordinationServer zk = new CoordinationServer();

	@RegisterExtension
	static Kazoo kazoo = new Kazoo();

	private final ExecutorService executor = Executors.newCachedThreadPool();

	@AfterEach
	void stopThreads() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(10, TimeUnit.SECONDS);
	}

	@Test
	void aKazooLockAndOursExcludeEachOtherOverOneHundredTurns() throws Exception {
		CuratorFramework client = zk.client();
		client.create().creatingParentsIfNeeded().forPath("/interop/record");
		Kazoo.Script python = kazoo.start(zk.connectString(), """
				lock = zk.Lock('/interop/lock', 'py')
				say('ready'); wait_for('go')
				for i in range(50):
				    with lock:
				        zk.create('/interop/record/turn-', b'enter py', sequence=True)
				        zk.create('/interop/record/turn-', b'exit py', sequence=True)
				say('done')
				zk.stop()
				""");
		python.expect("ready");
		ZkLock lock = zk.locks(client, "java").lock("/interop/lock");
		python.send("go");
		String record = "/interop/record/turn-";
		for (int i = 0; i < 50; i++) {
			lock.lock();
			try {
				client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(record, bytes("enter java"));
				client.create().withMode(CreateMode.PERSISTENT_SEQUENTIAL).forPath(record, bytes("exit java"));
			}
			finally {
				lock.unlock();
			}
		}
		python.expect("done");
		python.finish();
		List<String> turns = new ArrayList<>();
		for (String turn : client.getChildren().forPath("/interop/record").stream().sorted().toList()) {
			turns.add(CoordinationServer.text(client.getData().forPath("/interop/record/" + turn)));
		}
		assertThat(turns).hasSize(200);
		int handovers = 0;
		for (int i = 0; i < turns.size(); i += 2) {
			String holder = turns.get(i).substring("enter ".length());
			assertThat(turns.subList(i, i + 2)).as("turn %d of %s", i / 2, turns)
				.containsExactly("enter " + holder, "exit " + holder);
			if (i > 0 && !turns.get(i - 1).equals("exit " + holder)) {
				handovers++;
			}
		}
		assertThat(turns).filteredOn("enter py"::equals).hasSize(50);
		assertThat(turns).filteredOn("enter java"::equals).hasSize(50);
		// both wait in one queue, served in order: while both are at it, the lock changes hands every turn
		assertThat(handovers).as("turns that went to the other language").isGreaterThan(50);
		assertThat(client.getChildren().forPath("/interop/lock")).isEmpty();
	}

	@Test
	void oneLeaderAmongKazooAndJavaCandidatesWhileTheyDieOneByOne() throws Exception {
		String path = "/interop/election";
		String candidate = """
				election = zk.Election('/interop/election', sys.argv[2])
				def answer():
				    for line in sys.stdin:
				        if line.strip() == 'contenders':
				            say('contenders', *election.contenders())
				threading.Thread(target=answer, daemon=True).start()
				def lead():
				    say('leading', time.monotonic_ns())
				    threading.Event().wait()
				election.run(lead)
				""";
		// a term is [granted, revoked] on the monotonic clock Java's nanoTime and Python's monotonic_ns share
		Map<String, long[]> terms = new ConcurrentHashMap<>();
		Map<String, Kazoo.Script> python = new ConcurrentHashMap<>();
		Map<String, ZkLeaderElection> java = new ConcurrentHashMap<>();
		Partition[] java1Partition = new Partition[1];
		try {
			python.put("py1", kazoo.start(zk.connectString(), candidate, "py1"));
			String py1Leads = python.get("py1").next();
			assertThat(py1Leads).startsWith("leading ");
			terms.put("py1", new long[] { Long.parseLong(py1Leads.substring(8)), Long.MAX_VALUE });
			java.put("java1", join(zk.partitionable(java1Partition), "java1", path, terms));
			await().atMost(Kazoo.WAIT).until(() -> java.get("java1").participants().size() == 2);
			python.put("py2", kazoo.start(zk.connectString(), candidate, "py2"));
			await().atMost(Kazoo.WAIT).until(() -> java.get("java1").participants().size() == 3);
			java.put("java2", join(zk.client(), "java2", path, terms));
			await().atMost(Kazoo.WAIT).until(() -> java.get("java1").participants().size() == 4);

			AtomicBoolean sampling = new AtomicBoolean(true);
			AtomicInteger samples = new AtomicInteger();
			AtomicInteger overlaps = new AtomicInteger();
			AtomicReference<List<String>> firstOverlap = new AtomicReference<>();
			Future<?> sampler = this.executor.submit(() -> {
				while (sampling.get()) {
					List<String> leaders = new ArrayList<>();
					java.forEach((id, election) -> {
						if (election.isLeader()) {
							leaders.add(id);
						}
					});
					python.forEach((id, script) -> {
						// a kazoo leader leads until its process dies: its leader function never returns
						boolean led = script.lines().stream().anyMatch((line) -> line.startsWith("leading"));
						if (led && script.isAlive()) {
							leaders.add(id);
						}
					});
					if (leaders.size() > 1 && overlaps.incrementAndGet() == 1) {
						firstOverlap.set(leaders);
					}
					samples.incrementAndGet();
					LockSupport.parkNanos(200_000);
				}
			});

			// queue order, seen alike from both languages: py1 leads, java1, py2, java2 wait
			assertThat(java.get("java2").participants()).containsExactly("py1", "java1", "py2", "java2");
			assertContendersAgree(python.get("py2"), java.get("java2"));
			assertThat(java.get("java1").leader()).contains("py1");

			// py1 crashes: its session ends after kazoo's 4 s timeout, then java1 leads
			python.get("py1").kill();
			terms.get("py1")[1] = System.nanoTime();
			await().atMost(Kazoo.WAIT).until(() -> java.get("java1").isLeader());
			assertContendersAgree(python.get("py2"), java.get("java2"));
			assertThat(java.get("java2").participants()).containsExactly("java1", "py2", "java2");

			// java1 is cut off: SUSPENDED revokes at once; py2 leads once the server ends java1's session
			java1Partition[0].cut();
			await().atMost(Kazoo.WAIT).until(() -> !java.get("java1").isLeader());
			String py2Leads = python.get("py2").next();
			assertThat(py2Leads).startsWith("leading ");
			terms.put("py2", new long[] { Long.parseLong(py2Leads.substring(8)), Long.MAX_VALUE });
			assertThat(java.get("java2").participants()).containsExactly("py2", "java2");

			// py2 crashes, java2 leads; java2 leaves, nobody leads
			python.get("py2").kill();
			terms.get("py2")[1] = System.nanoTime();
			await().atMost(Kazoo.WAIT).until(() -> java.get("java2").isLeader());
			assertThat(java.get("java2").participants()).containsExactly("java2");
			java.get("java2").close();
			assertThat(java.get("java2").isLeader()).isFalse();
			assertThat(java.get("java2").participants()).isEmpty();

			sampling.set(false);
			sampler.get(10, TimeUnit.SECONDS);
			assertThat(samples.get()).isGreaterThan(1000);
			assertThat(overlaps).as("samples with more than one leader, first %s", firstOverlap).hasValue(0);
			List<String> order = terms.keySet()
				.stream()
				.sorted((a, b) -> Long.compare(terms.get(a)[0], terms.get(b)[0]))
				.toList();
			assertThat(order).containsExactly("py1", "java1", "py2", "java2");
			for (int i = 1; i < order.size(); i++) {
				long[] previous = terms.get(order.get(i - 1));
				long[] next = terms.get(order.get(i));
				assertThat(previous[1]).as("%s's term ended before %s's began", order.get(i - 1), order.get(i))
					.isLessThan(next[0]);
			}
		}
		finally {
			java.values().forEach(ZkLeaderElection::close);
		}
	}

	private static ZkLeaderElection join(CuratorFramework client, String id, String path, Map<String, long[]> terms) {
		ZkElections elections = new ZkElections(zk.locks(client, id), ZkRevokePolicy.SUSPENDED, zk.events::add,
				ObservationRegistry.NOOP);
		return elections.join(path, new ZkLeadershipListener() {
			@Override
			public void granted(ZkLeaderElection election) {
				terms.put(id, new long[] { System.nanoTime(), Long.MAX_VALUE });
			}

			@Override
			public void revoked(ZkLeaderElection election) {
				terms.computeIfPresent(id, (key, term) -> new long[] { term[0], System.nanoTime() });
			}
		});
	}

	private static void assertContendersAgree(Kazoo.Script python, ZkLeaderElection java) throws Exception {
		python.send("contenders");
		String line = python.next();
		assertThat(line).startsWith("contenders");
		List<String> kazoos = Arrays.asList(line.substring("contenders".length()).trim().split(" "));
		assertThat(java.participants()).as("participants as Java sees them").isEqualTo(kazoos);
	}

	/**
	 * Readers share, a writer waits for both. kazoo 2.8's read lock waits for the newest writer
	 * in the queue, even one that came after it (see {@link ZkReadWriteLock}): a kazoo reader
	 * still waiting when a writer queues behind it would wait for that writer, which waits for
	 * the reader. So every kazoo reader here is holding or alone with earlier writers before a
	 * writer queues; the test checks exclusion, not that flaw. A waiting writer watches only the
	 * last reader before it, so that reader lets go first: the writer wakes and must see the
	 * other reader still there.
	 */
	@Test
	void readersOfBothLanguagesShareTheReadLockAndAJavaWriterWaitsUntilBothRelease() throws Exception {
		String path = "/interop/rw-java-writer";
		Kazoo.Script pythonReader = kazoo.start(zk.connectString(), """
				lock = zk.ReadLock('/interop/rw-java-writer', 'py-reader')
				lock.acquire(); say('reading')
				wait_for('release'); lock.release(); say('released')
				zk.stop()
				""");
		pythonReader.expect("reading");
		ZkLock javaReader = zk.locks(zk.client(), "java-reader").readWriteLock(path).readLock();
		assertThat(javaReader.tryLock(5, TimeUnit.SECONDS)).as("a Java reader shares with a kazoo reader").isTrue();
		ZkLock javaWriter = zk.locks(zk.client(), "java-writer").readWriteLock(path).writeLock();
		CountDownLatch written = new CountDownLatch(1);
		Future<Boolean> writing = this.executor.submit(() -> {
			boolean locked = javaWriter.tryLock(Kazoo.WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (locked) {
				written.countDown();
				javaWriter.unlock();
			}
			return locked;
		});
		await().atMost(Kazoo.WAIT)
			.until(() -> javaReader.contenders().equals(List.of("py-reader", "java-reader", "java-writer")));
		assertThat(written.await(500, TimeUnit.MILLISECONDS)).as("the writer got in past two readers").isFalse();
		javaReader.unlock();
		assertThat(written.await(500, TimeUnit.MILLISECONDS)).as("the writer got in past the kazoo reader").isFalse();
		pythonReader.send("release");
		pythonReader.expect("released");
		assertThat(writing.get(Kazoo.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		pythonReader.finish();
	}

	/** As above, the other way round; see there why readers hold before the writer queues. */
	@Test
	void readersOfBothLanguagesShareTheReadLockAndAKazooWriterWaitsUntilBothRelease() throws Exception {
		String path = "/interop/rw-kazoo-writer";
		ZkLock javaReader = zk.locks(zk.client(), "java-reader").readWriteLock(path).readLock();
		javaReader.lock();
		Kazoo.Script pythonReader = kazoo.start(zk.connectString(), """
				lock = zk.ReadLock('/interop/rw-kazoo-writer', 'py-reader')
				lock.acquire(); say('reading')
				wait_for('release'); lock.release(); say('released')
				zk.stop()
				""");
		pythonReader.expect("reading");
		Kazoo.Script pythonWriter = kazoo.start(zk.connectString(), """
				lock = zk.WriteLock('/interop/rw-kazoo-writer', 'py-writer')
				lock.acquire(); say('writing'); lock.release()
				zk.stop()
				""");
		await().atMost(Kazoo.WAIT)
			.until(() -> javaReader.contenders().equals(List.of("java-reader", "py-reader", "py-writer")));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(pythonWriter::silent);
		pythonReader.send("release");
		pythonReader.expect("released");
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(pythonWriter::silent);
		javaReader.unlock();
		pythonWriter.expect("writing");
		pythonWriter.finish();
		pythonReader.finish();
	}

	@Test
	void aKazooReaderWaitsForAJavaWriterAndAJavaReaderForAKazooWriter() throws Exception {
		String path = "/interop/rw-across";
		ZkReadWriteLock java = zk.locks(zk.client(), "java").readWriteLock(path);
		java.writeLock().lock();
		Kazoo.Script python = kazoo.start(zk.connectString(), """
				read = zk.ReadLock('/interop/rw-across', 'py')
				read.acquire(); say('reading'); read.release()
				write = zk.WriteLock('/interop/rw-across', 'py')
				write.acquire(); say('writing')
				wait_for('release'); write.release(); say('released')
				zk.stop()
				""");
		// no writer queues behind the waiting kazoo reader (see the tests above)
		await().atMost(Kazoo.WAIT).until(() -> java.readLock().contenders().equals(List.of("java", "py")));
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(python::silent);
		java.writeLock().unlock();
		python.expect("reading");
		python.expect("writing");
		assertThat(java.readLock().tryLock(500, TimeUnit.MILLISECONDS)).as("a Java reader got in past a kazoo writer")
			.isFalse();
		Future<Boolean> reading = this.executor.submit(() -> {
			boolean locked = java.readLock().tryLock(Kazoo.WAIT.toMillis(), TimeUnit.MILLISECONDS);
			if (locked) {
				java.readLock().unlock();
			}
			return locked;
		});
		await().atMost(Kazoo.WAIT).until(() -> java.readLock().contenders().equals(List.of("py", "java")));
		python.send("release");
		python.expect("released");
		assertThat(reading.get(Kazoo.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		python.finish();
	}

	@Test
	void aKazooSemaphoreAndOursNeverHandOutMoreThanTwoLeasesBetweenThem() throws Exception {
		String path = "/interop/semaphore";
		String holder = """
				semaphore = zk.Semaphore('/interop/semaphore', sys.argv[2], max_leases=2)
				semaphore.acquire(); say('leased')
				for line in sys.stdin:
				    if line.strip() == 'holders':
				        say('holders', *sorted(semaphore.lease_holders()))
				    elif line.strip() == 'release':
				        semaphore.release(); say('released'); break
				zk.stop()
				""";
		CuratorFramework client = zk.client();
		AtomicBoolean sampling = new AtomicBoolean(true);
		AtomicInteger mostLeases = new AtomicInteger();
		Future<?> sampler = this.executor.submit(() -> {
			while (sampling.get()) {
				try {
					if (client.checkExists().forPath(path) != null) {
						mostLeases.accumulateAndGet(client.getChildren().forPath(path).size(), Math::max);
					}
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				LockSupport.parkNanos(1_000_000);
			}
			return null;
		});
		Kazoo.Script py1 = kazoo.start(zk.connectString(), holder, "py1");
		py1.expect("leased");
		ZkSemaphore java1 = zk.locks(zk.client(), "java1").semaphore(path, 2);
		assertThat(java1.tryAcquire(Duration.ofSeconds(5))).as("the second lease, beside kazoo's").isTrue();
		assertThat(java1.leaseHolders()).containsExactlyInAnyOrder("py1", "java1");
		py1.send("holders");
		py1.expect("holders java1 py1");

		// a third of each language waits: java3 holds the semaphore's lock and watches the leases, py3 queues for it
		ZkSemaphore java3 = zk.locks(zk.client(), "java3").semaphore(path, 2);
		CountDownLatch java3Leased = new CountDownLatch(1);
		CountDownLatch java3Release = new CountDownLatch(1);
		Future<Boolean> java3Leasing = this.executor.submit(() -> {
			if (!java3.tryAcquire(Kazoo.WAIT)) {
				return false;
			}
			java3Leased.countDown();
			java3Release.await();
			java3.release();
			return true;
		});
		await().atMost(Kazoo.WAIT).until(() -> client.getChildren().forPath(path + "-__lock__").size() == 1);
		Kazoo.Script py3 = kazoo.start(zk.connectString(), holder, "py3");
		await().atMost(Kazoo.WAIT).until(() -> client.getChildren().forPath(path + "-__lock__").size() == 2);
		assertThat(java3Leased.await(500, TimeUnit.MILLISECONDS)).as("a third lease for java3").isFalse();
		assertThat(py3.silent()).as("a third lease for py3").isTrue();

		java1.release();
		assertThat(java3Leased.await(Kazoo.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2)).until(py3::silent);
		py1.send("release");
		py1.expect("released");
		py3.expect("leased");
		assertThat(java3.leaseHolders()).containsExactlyInAnyOrder("java3", "py3");
		py3.send("holders");
		py3.expect("holders java3 py3");
		java3Release.countDown();
		assertThat(java3Leasing.get(Kazoo.WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
		py3.send("release");
		py3.expect("released");
		py1.finish();
		py3.finish();
		sampling.set(false);
		sampler.get(10, TimeUnit.SECONDS);
		assertThat(client.getChildren().forPath(path)).isEmpty();
		assertThat(mostLeases).as("most leases held at once").hasValue(2);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
