package io.zkboot.coordination.recipe;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A Python process with kazoo and a Java process with the recipes in the same counter, double
 * barrier, party, queue, lease and partitioned set: they see each other and agree. Skipped where
 * {@code python3} with kazoo is not installed (Debian: {@code apt-get install python3-kazoo}).
 */
class KazooRecipesInteropTests {

	@RegisterExtension
	static RecipeServer zk = new RecipeServer();

	@TempDir
	static Path dir;

	private static String python;

	private static final String CONNECT = """
			import sys, time, datetime
			from kazoo.client import KazooClient
			zk = KazooClient(hosts=sys.argv[1]); zk.start()
			""";

	@BeforeAll
	static void findPythonWithKazoo() {
		python = Stream.of("python3", "/usr/bin/python3").filter(KazooRecipesInteropTests::hasKazoo).findFirst().orElse(null);
		assumeTrue(python != null, "python3 with kazoo is not installed");
	}

	@Test
	void javaAndPythonAddToOneCounterAndReadTheSameValues() throws Exception {
		Process adding = start("""
				c = zk.Counter('/interop/counter')
				for i in range(50):
				    c += 1
				f = zk.Counter('/interop/floats', default=0.0)
				f += 0.5
				print(c.value, flush=True)
				""");
		ZkRecipes recipes = zk.recipes("java");
		ZkCounter counter = recipes.counter("/interop/counter");
		for (int i = 0; i < 50; i++) {
			counter.add(1);
		}
		output(adding);
		assertThat(counter.get()).isEqualTo(100);
		ZkFloatCounter floats = recipes.floatCounter("/interop/floats");
		await().atMost(RecipeServer.WAIT).until(() -> floats.get() == 0.5);
		floats.add(0.1);
		floats.add(0.2);
		assertThat(output(start("""
				print(zk.Counter('/interop/counter').value, repr(zk.Counter('/interop/floats', default=0.0).value))
				"""))).isEqualTo("100 0.8\n");
	}

	@Test
	void aPythonAndAJavaParticipantEnterAndLeaveOneDoubleBarrier() throws Exception {
		Process participant = start("""
				b = zk.DoubleBarrier('/interop/barrier', 2, identifier='py')
				b.enter(); print('entered', flush=True)
				b.leave(); print('left', flush=True)
				""");
		ZkDoubleBarrier barrier = zk.recipes("java").doubleBarrier("/interop/barrier", 2);
		assertThat(barrier.enter(RecipeServer.WAIT)).isTrue();
		assertThat(barrier.leave(RecipeServer.WAIT)).isTrue();
		assertThat(output(participant)).isEqualTo("entered\nleft\n");
	}

	@Test
	void partyMembersOfBothLanguagesSeeEachOther() throws Exception {
		try (Interactive py = new Interactive("""
				p = zk.Party('/interop/party', 'py'); p.join()
				s = zk.ShallowParty('/interop/shallow', 'py'); s.join()
				print('ready', flush=True)
				sys.stdin.readline()
				print(sorted(p), sorted(s), flush=True)
				""")) {
			py.expect("ready");
			ZkRecipes recipes = zk.recipes("java");
			ZkParty party = recipes.party("/interop/party");
			ZkParty shallow = recipes.shallowParty("/interop/shallow");
			party.join();
			shallow.join();
			assertThat(party.members()).containsExactlyInAnyOrder("java", "py");
			assertThat(shallow.members()).containsExactlyInAnyOrder("java", "py");
			py.send();
			py.expect("['java', 'py'] ['java', 'py']");
		}
	}

	@Test
	void queuesCarryItemsBothWaysInKazoosOrder() throws Exception {
		ZkRecipes recipes = zk.recipes("java");
		ZkQueue queue = recipes.queue("/interop/queue");
		queue.put(bytes("later"));
		queue.put(bytes("first"), 5);
		ZkLockingQueue locking = recipes.lockingQueue("/interop/locking");
		locking.put(bytes("for-python"));
		assertThat(output(start("""
				q = zk.Queue('/interop/queue')
				print(q.get().decode(), q.get().decode())
				q.put(b'from-python'); q.put(b'urgent', priority=1)
				lq = zk.LockingQueue('/interop/locking')
				print(lq.get(5).decode(), lq.consume())
				lq.put(b'for-java', priority=7)
				"""))).isEqualTo("first later\nfor-python True\n");
		assertThat(text(queue.poll())).isEqualTo("urgent");
		assertThat(text(queue.poll())).isEqualTo("from-python");
		ZkLockingQueue.Item item = locking.take(RecipeServer.WAIT);
		assertThat(text(item.value())).isEqualTo("for-java");
		assertThat(item.consume()).isTrue();
		assertThat(locking.size()).isZero();
	}

	@Test
	void leasesAreSharedWithKazoosNonBlockingLeases() throws Exception {
		ZkRecipes recipes = zk.recipes("java");
		assertThat(recipes.lease("/interop/lease", Duration.ofHours(1)).obtain()).isTrue();
		assertThat(recipes.multiLease("/interop/multi", 2, Duration.ofHours(1)).obtain()).isTrue();
		assertThat(output(start("""
				hour = datetime.timedelta(hours=1)
				print(bool(zk.NonBlockingLease('/interop/lease', hour, identifier='py')),
				      bool(zk.NonBlockingLease('/interop/lease', hour, identifier='java')),
				      bool(zk.MultiNonBlockingLease(2, '/interop/multi', hour, identifier='py')),
				      bool(zk.MultiNonBlockingLease(2, '/interop/multi', hour, identifier='py2')))
				"""))).isEqualTo("False True True False\n");
		ZkLease renewedByPython = recipes.lease("/interop/lease", Duration.ofHours(1));
		assertThat(renewedByPython.holder()).get().extracting(ZkLease.Holder::identifier).isEqualTo("java");
		assertThat(recipes.lease("/interop/lease", Duration.ofHours(1), "other").obtain()).isFalse();
		assertThat(recipes.multiLease("/interop/multi", 2, Duration.ofHours(1), "other").obtain()).isFalse();
	}

	@Test
	void aPythonAndAJavaMemberDivideOneSetAsKazooDoes() throws Exception {
		ZkSetPartitioner java = zk.recipes("java")
			.partitioner("/interop/partition", List.of("a", "b", "c", "d"))
			.timeBoundary(Duration.ofMillis(500))
			.start();
		try (Interactive py = new Interactive("""
				qp = zk.SetPartitioner('/interop/partition', set=('a', 'b', 'c', 'd'), identifier='py', time_boundary=0.5)
				while True:
				    if qp.failed:
				        print('failed', flush=True); sys.exit(1)
				    elif qp.release:
				        qp.release_set()
				    elif qp.allocating:
				        qp.wait_for_acquire(1)
				    elif len(list(qp._party)) == 2:
				        break
				    else:
				        time.sleep(0.05)
				print(sorted(qp), flush=True)
				sys.stdin.readline()
				qp.finish()
				""")) {
			py.expect("['b', 'd']");
			await().atMost(RecipeServer.WAIT).until(() -> java.share().equals(List.of("a", "c")));
			py.send();
			py.close();
			await().atMost(RecipeServer.WAIT).until(() -> java.share().equals(List.of("a", "b", "c", "d")));
		}
		finally {
			java.close();
		}
	}

	private static Process start(String script) throws Exception {
		Path file = Files.createTempFile(dir, "kazoo", ".py");
		Files.writeString(file, CONNECT + script + "zk.stop()\n");
		List<String> command = new ArrayList<>(List.of(python, file.toString(), zk.connectString()));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** Waits for a script's end and returns what it printed, failing if it failed. */
	private static String output(Process process) throws Exception {
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0).as(output).isTrue();
		return output;
	}

	private static boolean hasKazoo(String interpreter) {
		try {
			Process process = new ProcessBuilder(interpreter, "-c", "import kazoo").redirectErrorStream(true).start();
			process.getInputStream().readAllBytes();
			return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

	/** A script that prints lines and reads a line from its input to go on; killed when closed. */
	private static final class Interactive implements AutoCloseable {

		private final Process process;

		private final BufferedReader out;

		private final Writer in;

		Interactive(String script) throws Exception {
			this.process = start(script);
			this.out = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
			this.in = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
		}

		void expect(String line) throws Exception {
			assertThat(this.out.readLine()).as("the Python script's output").isEqualTo(line);
		}

		void send() throws Exception {
			this.in.write("go\n");
			this.in.flush();
		}

		@Override
		public void close() throws Exception {
			if (this.process.isAlive() && !this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

}
