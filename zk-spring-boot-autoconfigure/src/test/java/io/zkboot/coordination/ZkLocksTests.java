package io.zkboot.coordination;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.locks.InterProcessMutex;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import org.apache.zookeeper.data.Id;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Locks on a real server: kazoo's layout, exclusion across threads and clients, reentrancy,
 * timeouts, interrupts, and what a holder learns when its session is lost.
 */
class ZkLocksTests {

	@RegisterExtension
	static CoordinationServer zk = new CoordinationServer();

	@Test
	void contenderNodesAreKazoos() throws Exception {
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "worker-1").lock("/locks/layout");
		lock.lock();
		try {
			List<String> children = client.getChildren().forPath("/locks/layout");
			assertThat(children).singleElement().asString().matches("[0-9a-f]{32}__lock__\\d{10}");
			assertThat(CoordinationServer.text(client.getData().forPath("/locks/layout/" + children.get(0))))
				.isEqualTo("worker-1");
			assertThat(lock.contenders()).containsExactly("worker-1");
		}
		finally {
			lock.unlock();
		}
		assertThat(client.getChildren().forPath("/locks/layout")).isEmpty();
	}

	@Test
	void eightThreadsInThreeClientsNeverOverlap() throws Exception {
		List<ZkLock> locks = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			locks.add(zk.locks(zk.client(), "client-" + i).lock("/locks/exclusion"));
		}
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger overlaps = new AtomicInteger();
		AtomicInteger runs = new AtomicInteger();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < 8; t++) {
			ZkLock lock = locks.get(t % 3);
			done.add(threads.submit(() -> {
				for (int i = 0; i < 15; i++) {
					lock.lock();
					try {
						if (inside.incrementAndGet() != 1) {
							overlaps.incrementAndGet();
						}
						Thread.onSpinWait();
						runs.incrementAndGet();
						inside.decrementAndGet();
					}
					finally {
						lock.unlock();
					}
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(60, TimeUnit.SECONDS);
		}
		threads.shutdown();
		assertThat(runs).hasValue(8 * 15);
		assertThat(overlaps).hasValue(0);
	}

	@Test
	void aThreadThatHoldsTheLockMayLockItAgain() throws Exception {
		CuratorFramework client = zk.client();
		ZkLocks locks = zk.locks(client, "reentrant");
		ZkLock lock = locks.lock("/locks/reentrant");
		assertThat(locks.lock("/locks/reentrant")).isSameAs(lock);
		lock.lock();
		assertThat(lock.tryLock()).isTrue();
		assertThat(lock.getHoldCount()).isEqualTo(2);
		assertThat(client.getChildren().forPath("/locks/reentrant")).hasSize(1);
		lock.unlock();
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		lock.unlock();
		assertThat(lock.isHeldByCurrentThread()).isFalse();
		assertThat(client.getChildren().forPath("/locks/reentrant")).isEmpty();
		assertThatExceptionOfType(IllegalMonitorStateException.class).isThrownBy(lock::unlock);
	}

	@Test
	void tryLockGivesUpInTimeAndLeavesNoContender() throws Exception {
		CuratorFramework holderClient = zk.client();
		ZkLock held = zk.locks(holderClient, "holder").lock("/locks/timeout");
		held.lock();
		ZkLocks other = zk.locks(zk.client(), "waiter");
		ZkLock lock = other.lock("/locks/timeout");
		assertThat(lock.tryLock()).isFalse();
		long start = System.nanoTime();
		assertThat(lock.tryLock(300, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isBetween(Duration.ofMillis(300), Duration.ofSeconds(3));
		assertThatExceptionOfType(ZkLockTimeoutException.class)
			.isThrownBy(() -> other.withLock("/locks/timeout", Duration.ofMillis(100), () -> "never"))
			.withMessageContaining("/locks/timeout");
		assertThat(holderClient.getChildren().forPath("/locks/timeout")).hasSize(1);
		assertThat(lock.contenders()).containsExactly("holder");
		held.unlock();
		assertThat(other.withLock("/locks/timeout", Duration.ofSeconds(5), () -> "ran")).isEqualTo("ran");
	}

	@Test
	void aWaiterCanBeInterrupted() throws Exception {
		ZkLock held = zk.locks(zk.client(), "holder").lock("/locks/interrupt");
		held.lock();
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "waiter").lock("/locks/interrupt");
		AtomicReference<Throwable> thrown = new AtomicReference<>();
		Thread waiter = new Thread(() -> {
			try {
				lock.lockInterruptibly();
			}
			catch (Throwable ex) {
				thrown.set(ex);
			}
		});
		waiter.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> lock.contenders().size() == 2);
		waiter.interrupt();
		waiter.join(5_000);
		assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
		await().atMost(Duration.ofSeconds(5)).until(() -> client.getChildren().forPath("/locks/interrupt").size() == 1);
		held.unlock();
	}

	@Test
	void aHolderWhoseSessionExpiresIsToldAndAWaiterGetsTheLock() throws Exception {
		CuratorFramework holderClient = zk.client();
		ZkLock held = zk.locks(holderClient, "holder", true).lock("/locks/expiry");
		List<ZkLockState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
		held.addListener((path, thread, state) -> states.add(state));
		ZkLock waiting = zk.locks(zk.client(), "waiter").lock("/locks/expiry");
		CountDownLatch holding = new CountDownLatch(1);
		AtomicReference<String> holderSaw = new AtomicReference<>();
		Thread holder = new Thread(() -> {
			held.lock();
			holding.countDown();
			try {
				new CountDownLatch(1).await();
			}
			catch (InterruptedException ex) {
				holderSaw.set(held.getState() + " held=" + held.isHeldByCurrentThread());
				assertThatExceptionOfType(ZkLockLostException.class).isThrownBy(held::lock);
				held.unlock();
			}
		});
		holder.start();
		assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
		CountDownLatch waiterHasIt = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			waiting.lock();
			waiterHasIt.countDown();
			waiting.unlock();
		});
		waiter.start();
		await().atMost(Duration.ofSeconds(5)).until(() -> waiting.contenders().size() == 2);
		CoordinationServer.injectSessionExpiration(holderClient);
		assertThat(waiterHasIt.await(10, TimeUnit.SECONDS)).isTrue();
		holder.join(10_000);
		assertThat(holderSaw).hasValue("LOST held=false");
		assertThat(states).containsExactly(ZkLockState.LOST);
		assertThat(zk.events).filteredOn(ZkLockLostEvent.class::isInstance)
			.singleElement()
			.satisfies((event) -> assertThat(((ZkLockLostEvent) event).getPath()).isEqualTo("/locks/expiry"));
		assertThat(held.tryLock(5, TimeUnit.SECONDS)).isTrue();
		assertThat(held.isHeldByCurrentThread()).isTrue();
		held.unlock();
	}

	@Test
	void aLockPathRemovedBetweenAcquiresIsMadeAgain() throws Exception {
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "worker-1").lock("/locks/remade/lock");
		lock.lock();
		lock.unlock();
		// as the server removes an empty container; the ACL read for the path is kept by the locks
		client.delete().deletingChildrenIfNeeded().forPath("/locks/remade");
		lock.lock();
		try {
			assertThat(client.getChildren().forPath("/locks/remade/lock")).singleElement()
				.asString()
				.contains("__lock__");
			assertThat(lock.isHeldByCurrentThread()).isTrue();
		}
		finally {
			lock.unlock();
		}
		assertThat(client.getChildren().forPath("/locks/remade/lock")).isEmpty();
	}

	@Test
	void contenderNodesGetTheLockPathsAcl() throws Exception {
		CuratorFramework client = zk.client();
		List<ACL> acl = List.of(new ACL(ZooDefs.Perms.ALL, ZooDefs.Ids.ANYONE_ID_UNSAFE),
				new ACL(ZooDefs.Perms.READ, new Id("ip", "127.0.0.2")));
		client.create().withACL(acl).forPath("/locks/acl");
		ZkLock lock = zk.locks(client, "worker-1").lock("/locks/acl");
		for (int i = 0; i < 2; i++) {
			lock.lock();
			try {
				String node = client.getChildren().forPath("/locks/acl").get(0);
				assertThat(client.getACL().forPath("/locks/acl/" + node)).containsExactlyInAnyOrderElementsOf(acl);
			}
			finally {
				lock.unlock();
			}
		}
	}

	@Test
	void aNodeDeletedRightAfterTheLockIsHadIsALostLock() throws Exception {
		CuratorFramework client = zk.client();
		CuratorFramework other = zk.client();
		ZkLock lock = zk.locks(client, "holder").lock("/locks/deleted-at-once");
		for (int i = 0; i < 20; i++) {
			lock.lock();
			String node = client.getChildren().forPath("/locks/deleted-at-once").get(0);
			other.delete().forPath("/locks/deleted-at-once/" + node);
			await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> lock.getState() == ZkLockState.LOST);
			lock.unlock();
		}
	}

	@Test
	void aDeletedNodeIsALostLock() throws Exception {
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "holder").lock("/locks/deleted");
		lock.lock();
		String node = client.getChildren().forPath("/locks/deleted").get(0);
		zk.client().delete().forPath("/locks/deleted/" + node);
		await().pollInSameThread().atMost(Duration.ofSeconds(5)).until(() -> lock.getState() == ZkLockState.LOST);
		assertThat(zk.events).hasAtLeastOneElementOfType(ZkLockLostEvent.class);
		lock.unlock();
	}

	@Test
	void heldLocksAreInDoubtWhileSuspendedAndHeldAgainWithTheSameSession() throws Exception {
		CuratorFramework client = zk.client();
		ZkLocks locks = zk.locks(client, "holder");
		ZkLock lock = locks.lock("/locks/suspended");
		List<ZkLockState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
		lock.addListener((path, thread, state) -> states.add(state));
		lock.lock();
		assertThat(locks.held()).singleElement().satisfies((held) -> {
			assertThat(held.path()).isEqualTo("/locks/suspended");
			assertThat(held.state()).isEqualTo(ZkLockState.HELD);
		});
		zk.restart();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> states.equals(List.of(ZkLockState.IN_DOUBT, ZkLockState.HELD)));
		assertThat(lock.isHeldByCurrentThread()).isTrue();
		lock.unlock();
		assertThat(locks.held()).isEmpty();
	}

	@Test
	void noContenderIsLeftBehindWhenTheConnectionDropsWhileLocking() throws Exception {
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "flaky").lock("/locks/flaky");
		AtomicInteger acquired = new AtomicInteger();
		Thread[] threads = new Thread[3];
		for (int t = 0; t < threads.length; t++) {
			threads[t] = new Thread(() -> {
				long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
				while (System.nanoTime() < end) {
					try {
						if (lock.tryLock(200, TimeUnit.MILLISECONDS)) {
							acquired.incrementAndGet();
							lock.unlock();
						}
					}
					catch (InterruptedException ex) {
						return;
					}
					catch (RuntimeException ex) {
						// connection trouble surfaces as ZkException; the test looks at what is left
					}
				}
			});
			threads[t].start();
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> acquired.get() > 5);
		zk.restart();
		zk.restart();
		for (Thread thread : threads) {
			thread.join(20_000);
		}
		CuratorFramework observer = zk.client();
		await().atMost(Duration.ofSeconds(10)).until(() -> observer.getChildren().forPath("/locks/flaky").isEmpty());
	}

	@Test
	void whileTheServerIsDownTryLockAnswersWithinItsTime() throws Exception {
		CuratorFramework client = zk.client();
		ZkLock lock = zk.locks(client, "offline").lock("/locks/offline");
		zk.stop();
		try {
			await().atMost(Duration.ofSeconds(10)).until(() -> !client.getZookeeperClient().isConnected());
			long start = System.nanoTime();
			assertThat(lock.tryLock()).isFalse();
			assertThat(lock.tryLock(300, TimeUnit.MILLISECONDS)).isFalse();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}
		finally {
			zk.restart();
		}
		assertThat(lock.tryLock(10, TimeUnit.SECONDS)).isTrue();
		lock.unlock();
	}

	@Test
	void readersShareAndAWriterWaitsForThem() throws Exception {
		ZkReadWriteLock first = zk.locks(zk.client(), "reader-1").readWriteLock("/locks/rw");
		ZkReadWriteLock second = zk.locks(zk.client(), "reader-2").readWriteLock("/locks/rw");
		ZkReadWriteLock writer = zk.locks(zk.client(), "writer").readWriteLock("/locks/rw");
		first.readLock().lock();
		assertThat(second.readLock().tryLock(2, TimeUnit.SECONDS)).isTrue();
		assertThat(writer.writeLock().tryLock(200, TimeUnit.MILLISECONDS)).isFalse();
		List<String> children = zk.client().getChildren().forPath("/locks/rw");
		assertThat(children).allSatisfy((child) -> assertThat(child).matches("[0-9a-f]{32}__rlock__\\d{10}"));
		first.readLock().unlock();
		second.readLock().unlock();
		assertThat(writer.writeLock().tryLock(2, TimeUnit.SECONDS)).isTrue();
		assertThat(first.readLock().tryLock(200, TimeUnit.MILLISECONDS)).isFalse();
		assertThat(first.readLock().contenders()).containsExactly("writer");
		writer.writeLock().unlock();
		assertThat(first.readLock().tryLock(2, TimeUnit.SECONDS)).isTrue();
		first.readLock().unlock();
	}

	@Test
	void theSemaphoreHandsOutAtMostItsLeases() throws Exception {
		CuratorFramework client = zk.client();
		ZkSemaphore a = zk.locks(client, "a").semaphore("/sem/pool", 2);
		ZkSemaphore b = zk.locks(zk.client(), "b").semaphore("/sem/pool", 2);
		ZkSemaphore c = zk.locks(zk.client(), "c").semaphore("/sem/pool", 2);
		assertThat(a.tryAcquire()).isTrue();
		assertThat(b.tryAcquire(Duration.ofSeconds(2))).isTrue();
		assertThat(c.tryAcquire(Duration.ofMillis(200))).isFalse();
		assertThat(a.leaseHolders()).containsExactlyInAnyOrder("a", "b");
		assertThat(CoordinationServer.text(client.getData().forPath("/sem/pool"))).isEqualTo("2");
		assertThat(client.getChildren().forPath("/sem/pool"))
			.allSatisfy((child) -> assertThat(child).matches("[0-9a-f]{32}"));
		CountDownLatch cHasIt = new CountDownLatch(1);
		Thread waiter = new Thread(() -> {
			try {
				c.acquire();
				cHasIt.countDown();
				c.release();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		});
		waiter.start();
		a.release();
		assertThat(cHasIt.await(5, TimeUnit.SECONDS)).isTrue();
		b.release();
		assertThatExceptionOfType(io.zkboot.core.ZkException.class)
			.isThrownBy(() -> zk.locks(client, "d").semaphore("/sem/pool", 3).tryAcquire())
			.withMessageContaining("Inconsistent max leases at /sem/pool: 2 stored, 3 expected");
	}


	@Test
	void withCuratorsPatternALockWaitsForAnInterProcessMutexHolder() throws Exception {
		InterProcessMutex curator = new InterProcessMutex(zk.client(), "/locks/curator");
		ZkLock ours = zk.locks(zk.client(), "ours").lock("/locks/curator", List.of("-lock-"));
		ZkLock blind = zk.locks(zk.client(), "blind").lock("/locks/curator");
		curator.acquire();
		try {
			assertThat(ours.tryLock(300, TimeUnit.MILLISECONDS)).as("ours got in past Curator's holder").isFalse();
			assertThat(blind.tryLock()).as("without the pattern Curator's contenders are not counted").isTrue();
			blind.unlock();
			CountDownLatch locked = new CountDownLatch(1);
			Thread waiter = new Thread(() -> {
				ours.lock();
				locked.countDown();
				ours.unlock();
			});
			waiter.start();
			await().atMost(Duration.ofSeconds(5))
				.until(() -> zk.client().getChildren().forPath("/locks/curator").size() == 2);
			assertThat(locked.await(300, TimeUnit.MILLISECONDS)).as("ours got in past Curator's holder").isFalse();
			curator.release();
			assertThat(locked.await(5, TimeUnit.SECONDS)).as("ours got the lock Curator released").isTrue();
			waiter.join();
		}
		finally {
			if (curator.isOwnedByCurrentThread()) {
				curator.release();
			}
		}
	}

}
