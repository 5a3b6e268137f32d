package io.zkboot.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zk watch CONNECT PATH}: print a node's data now ({@code exists}, or {@code does not
 * exist}) and at every change ({@code created}, {@code changed}, {@code deleted}), until
 * interrupted.
 */
@Command(name = "watch", mixinStandardHelpOptions = true,
		description = "Print a node's data now and at every change until interrupted (Ctrl-C).")
class WatchCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node")
	String path;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		CountDownLatch interrupted = new CountDownLatch(1);
		AtomicBoolean initialized = new AtomicBoolean();
		Thread ctrlC = new Thread(interrupted::countDown);
		try (Connection zk = this.zooKeeper.open();
				CuratorCache cache = CuratorCache.build(zk.client(), this.path,
						CuratorCache.Options.SINGLE_NODE_CACHE)) {
			cache.listenable()
				.addListener(CuratorCacheListener.builder()
					.forAll((type, before, after) -> print(out,
							(initialized.get() || type != CuratorCacheListener.Type.NODE_CREATED) ? type.name() : "exists",
							after))
					.forInitialized(() -> {
						initialized.set(true);
						if (cache.get(this.path).isEmpty()) {
							out.println(Instant.now() + " " + this.path + " does not exist");
						}
					})
					.build());
			cache.start();
			Runtime.getRuntime().addShutdownHook(ctrlC);
			interrupted.await();
		}
		catch (InterruptedException ex) {
			Runtime.getRuntime().removeShutdownHook(ctrlC);
			Thread.currentThread().interrupt();
		}
		return 0;
	}

	private void print(PrintWriter out, String change, ChildData node) {
		String data = (node != null && node.getData() != null) ? new String(node.getData(), StandardCharsets.UTF_8)
				: "";
		out.println(Instant.now() + " " + change.replace("NODE_", "").toLowerCase() + " " + this.path + " " + data);
	}

}
