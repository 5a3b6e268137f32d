package io.zkboot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zkboot.embedded.EmbeddedZooKeeper;

/**
 * The build's training run for the launcher's class-data archive ({@code zk.jsa}, written by
 * {@code -XX:ArchiveClassesAtExit} at {@code mvn package}): runs each command once against a
 * server in this JVM, so that the classes a command loads are in the archive and a later
 * {@code zk get} maps them instead of loading them from the jars.
 */
final class CdsTraining {

	private CdsTraining() {
	}

	/**
	 * Run every command once; exit with status 1 when one fails, as the archive would then miss its
	 * classes.
	 * @param args none
	 * @throws IOException when the tree file for the import cannot be written
	 */
	public static void main(String[] args) throws IOException {
		Path tree = Files.createTempFile("zk-training", ".tree");
		try (EmbeddedZooKeeper server = EmbeddedZooKeeper.start()) {
			String zk = server.getConnectString();
			Files.writeString(tree, "/app : service\n  threads = 4\n  /providers\n  db -> /app/providers\n");
			run("validate", tree.toString());
			run("import", zk, tree.toString());
			run("import", "-d", "-t", zk, tree.toString(), "/");
			run("create", "-p", zk, "/training/a", "name='x'", "flags=[1, True]");
			run("set", zk, "/training/a", "threads=2", "up->..", "workers=>/app threads");
			run("ln", zk, "/app/", "/training/providers");
			run("get", zk, "/training/a");
			run("ls", zk, "/");
			run("export", zk, "/");
			run("rm", "-r", zk, "/training");
		}
		finally {
			Files.delete(tree);
		}
	}

	private static void run(String... args) {
		StringWriter err = new StringWriter();
		if (ZkCli.run(new PrintWriter(new StringWriter()), new PrintWriter(err, true), args) != 0) {
			throw new UncheckedIOException(new IOException("training run failed: zk " + String.join(" ", args) + ": " + err));
		}
	}

}
