package io.zkboot.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The tool and Python's kazoo share a tree: what the tool imports, kazoo reads as zc.zk's JSON;
 * what kazoo writes as zc.zk does, the tool exports; an ephemeral node of kazoo's session is
 * spared by the tool's recursive delete. Skipped where {@code python3} with kazoo is not
 * installed (Debian: {@code apt-get install python3-kazoo}).
 */
class KazooInteropTests {

	private static String python;

	@RegisterExtension
	static CliServer zk = new CliServer();

	@TempDir
	static Path dir;

	@BeforeAll
	static void findPythonWithKazoo() {
		python = Stream.of("python3", "/usr/bin/python3").filter(KazooInteropTests::hasKazoo).findFirst().orElse(null);
		assumeTrue(python != null, "python3 with kazoo is not installed");
	}

	@Test
	void kazooReadsWhatTheToolImportedAsZcZkStoresIt() throws Exception {
		Path tree = dir.resolve("shop.tree");
		Files.writeString(tree, """
				/kazoo-read : app
				  threads = 4
				  name = 'h\u00e9llo'
				  hosts = ['a', 'b']
				  debug = True
				  nothing = None
				  db -> /kazoo-read/databases/main
				  /cart
				    timeout => .. threads
				  /databases
				    /main
				""");
		CliRun imported = CliRun.of("import", zk.connect(), tree.toString());
		assertThat(imported.status()).as(imported.err()).isZero();
		String read = run("""
				import json, sys
				from kazoo.client import KazooClient
				zk = KazooClient(hosts=sys.argv[1]); zk.start()
				shop = json.loads(zk.get('/kazoo-read')[0].decode('utf-8'))
				cart = json.loads(zk.get('/kazoo-read/cart')[0].decode('utf-8'))
				print(sorted(shop.items())); print(sorted(cart.items()))
				zk.stop()
				""", zk.connect());
		assertThat(read).isEqualTo("""
				[('db ->', '/kazoo-read/databases/main'), ('debug', True), ('hosts', ['a', 'b']), \
				('name', 'h\u00e9llo'), ('nothing', None), ('threads', 4), ('type', 'app')]
				[('timeout =>', '.. threads')]
				""");
	}

	@Test
	void theToolExportsWhatKazooWroteAndSparesItsEphemeralNodes() throws Exception {
		Process written = start("""
				import json, sys, time
				from kazoo.client import KazooClient
				zk = KazooClient(hosts=sys.argv[1]); zk.start()
				zk.create('/kazoo-write/svc', json.dumps({'type': 'svc', 'threads': 8, 'db ->': '/x'}).encode('utf-8'),
				          makepath=True)
				zk.create('/kazoo-write/plain', b'just text')
				zk.create('/kazoo-write/svc/providers/10.0.0.1:8080', json.dumps({'pid': 42}).encode('utf-8'),
				          ephemeral=True, makepath=True)
				print('ready', flush=True)
				sys.stdin.readline()
				zk.stop()
				""", zk.connect());
		try (Holder holder = new Holder(written)) {
			CliRun exported = CliRun.of("export", "-e", zk.connect(), "/kazoo-write");
			assertThat(exported.out()).isEqualTo("""
					/kazoo-write
					  /plain
					    string_value = 'just text'
					  /svc : svc
					    threads = 8
					    db -> /x
					    /providers
					      /10.0.0.1:8080
					        pid = 42
					""");
			CliRun removed = CliRun.of("rm", "-r", zk.connect(), "/kazoo-write");
			assertThat(removed.out()).contains("Not deleting /kazoo-write/svc/providers/10.0.0.1:8080 because it's ephemeral.");
			assertThat(zk.client().checkExists().forPath("/kazoo-write/svc/providers/10.0.0.1:8080")).isNotNull();
			assertThat(zk.client().checkExists().forPath("/kazoo-write/plain")).isNull();
		}
	}

	/** Starts a Python script with the interpreter that has kazoo. */
	private static Process start(String script, String... args) throws Exception {
		Path file = Files.createTempFile(dir, "kazoo", ".py");
		Files.writeString(file, script);
		List<String> command = new ArrayList<>(List.of(python, file.toString()));
		command.addAll(List.of(args));
		return new ProcessBuilder(command).redirectErrorStream(true).start();
	}

	/** Runs a Python script to its end and returns what it printed, failing if it failed. */
	private static String run(String script, String... args) throws Exception {
		Process process = start(script, args);
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

	/** Keeps a Python script (and its session) alive until closed. */
	private static final class Holder implements AutoCloseable {

		private final Process process;

		Holder(Process process) throws Exception {
			this.process = process;
			String line = new String(this.process.getInputStream().readNBytes(6), StandardCharsets.UTF_8);
			assertThat(line).as("the Python script's first output").isEqualTo("ready\n");
		}

		@Override
		public void close() throws Exception {
			this.process.getOutputStream().write('\n');
			this.process.getOutputStream().flush();
			this.process.waitFor(30, TimeUnit.SECONDS);
		}

	}

}
