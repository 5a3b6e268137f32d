package io.zkboot.watch;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * The running watches of one owner (the {@code @ZkWatch} methods, the configuration nodes):
 * started together, waiting for each one's first read, and closed together.
 */
public final class NodeWatches {

	private final List<NodeWatch> watches = new CopyOnWriteArrayList<>();

	private volatile boolean running;

	/**
	 * Starts watches and waits until each has told its listener the first state (or failed
	 * to read it, in which case it reads again at the next connection).
	 * @param watches the watches to start
	 */
	public void startAll(Stream<NodeWatch> watches) {
		this.running = true;
		watches.map((watch) -> {
			this.watches.add(watch);
			return watch.start();
		}).toList().forEach(CompletableFuture::join);
	}

	/**
	 * Closes every watch started here.
	 */
	public void closeAll() {
		this.running = false;
		this.watches.forEach(NodeWatch::close);
		this.watches.clear();
	}

	/**
	 * Whether watches were started and not closed since.
	 * @return true between {@link #startAll} and {@link #closeAll()}
	 */
	public boolean isRunning() {
		return this.running;
	}

}
