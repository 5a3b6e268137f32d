package io.zkboot.coordination;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Python scripts with kazoo, each in a process of its own, for interoperability tests
 * ({@code @RegisterExtension static Kazoo kazoo = new Kazoo();}). Each test is skipped with a
 * message where no {@code python3} with kazoo is installed (Debian:
 * {@code apt-get install python3-kazoo}); every script still running after a test is killed.
 *
 * <p>Each script starts connected: {@code zk} is a started {@code KazooClient} with a 4 s
 * session, {@code say(*words)} prints one line at once, {@code wait_for(line)} reads its input
 * until that line comes.
 */
final class Kazoo implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback {

	static final Duration WAIT = Duration.ofSeconds(20);

	private static final String PROLOGUE = """
			import sys, threading, time
			from kazoo.client import KazooClient
			zk = KazooClient(hosts=sys.argv[1], timeout=4.0); zk.start()
			_out = threading.Lock()
			def say(*words):
			    with _out:
			        sys.stdout.write(' '.join(str(w) for w in words) + '\\n'); sys.stdout.flush()
			def wait_for(line):
			    for got in sys.stdin:
			        if got.strip() == line:
			            return
			    sys.exit(0)
			""";

	private static final String MISSING = "python3 with kazoo is not installed (apt-get install python3-kazoo): "
			+ "kazoo interop test skipped";

	private String python;

	private Path dir;

	private final List<Script> started = new CopyOnWriteArrayList<>();

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		this.python = Stream.of("python3", "/usr/bin/python3").filter(Kazoo::hasKazoo).findFirst().orElse(null);
		if (this.python == null) {
			System.err.println(context.getDisplayName() + ": " + MISSING);
		}
		this.dir = Files.createTempDirectory("kazoo");
	}

	/** Each test is skipped on its own, so the build's report counts and names the skipped tests. */
	@Override
	public void beforeEach(ExtensionContext context) {
		assumeTrue(this.python != null, MISSING);
	}

	/**
	 * Start a script.
	 * @param connectString the server's connect string, the script's {@code sys.argv[1]}
	 * @param script the Python code after the prologue
	 * @param args the script's further arguments, {@code sys.argv[2:]}
	 * @return the running script
	 */
	Script start(String connectString, String script, String... args) throws IOException {
		Path file = Files.createTempFile(this.dir, "kazoo", ".py");
		Files.writeString(file, PROLOGUE + script);
		List<String> command = new ArrayList<>(List.of(this.python, file.toString(), connectString));
		command.addAll(List.of(args));
		Script started = new Script(new ProcessBuilder(command).redirectErrorStream(true).start());
		this.started.add(started);
		return started;
	}

	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		for (Script script : this.started) {
			script.kill();
		}
		this.started.clear();
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

	/** A running script: the lines it printed (and its errors), its input, its death. */
	static final class Script {

		private final Process process;

		private final List<String> lines = new CopyOnWriteArrayList<>();

		private final Writer in;

		private int read;

		Script(Process process) {
			this.process = process;
			this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
			Thread reader = new Thread(() -> {
				try (BufferedReader out = new BufferedReader(
						new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
					String line;
					while ((line = out.readLine()) != null) {
						this.lines.add(line);
					}
				}
				catch (IOException ex) {
					// the process is gone
				}
			}, "kazoo-output");
			reader.setDaemon(true);
			reader.start();
		}

		/**
		 * The next line not read yet, waiting for it.
		 * @return the line
		 */
		String next() {
			await().atMost(WAIT).until(() -> this.lines.size() > this.read || !this.process.isAlive());
			await().atMost(Duration.ofSeconds(2)).until(() -> this.lines.size() > this.read);
			return this.lines.get(this.read++);
		}

		/** Wait for the next line and check it, showing what the script printed when it differs. */
		void expect(String line) {
			String next;
			try {
				next = next();
			}
			catch (RuntimeException ex) {
				throw new AssertionError("the script ended or said nothing instead of '" + line + "': " + this.lines,
						ex);
			}
			assertThat(next).as("the script's output %s", this.lines).isEqualTo(line);
		}

		/** Whether the script printed nothing it has not been asked for yet. */
		boolean silent() {
			return this.lines.size() == this.read;
		}

		/** Every line the script printed so far. */
		List<String> lines() {
			return List.copyOf(this.lines);
		}

		boolean isAlive() {
			return this.process.isAlive();
		}

		/** Send a line to the script's input. */
		void send(String line) throws IOException {
			this.in.write(line + "\n");
			this.in.flush();
		}

		/** Wait for the script to end by itself, successfully. */
		void finish() throws InterruptedException {
			assertThat(this.process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS) && this.process.exitValue() == 0)
				.as("the script ended well: %s", this.lines)
				.isTrue();
		}

		/** SIGKILL, as a crash: the script's session lives on in the server until its timeout. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly().waitFor();
		}

	}

}
