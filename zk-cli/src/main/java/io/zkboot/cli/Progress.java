package io.zkboot.cli;

import java.io.PrintWriter;

import org.jspecify.annotations.Nullable;

/**
 * A progress line on standard error for long imports and exports, only when attached to a
 * terminal (so that pipes and scripts see none).
 */
final class Progress {

	private final @Nullable PrintWriter err;

	private final long started;

	private Progress(@Nullable PrintWriter err) {
		this.err = err;
		this.started = System.nanoTime();
	}

	/**
	 * Say what is starting, when attached to a terminal.
	 * @param err standard error
	 * @param what what is being done
	 * @return the progress, to be {@link #done(String) done}
	 */
	static Progress start(PrintWriter err, String what) {
		Progress progress = new Progress((System.console() != null) ? err : null);
		progress.print(what + " ...");
		return progress;
	}

	/**
	 * Say that it is done, and how long it took.
	 * @param summary what was done
	 */
	void done(String summary) {
		print("\r" + summary + " in " + (System.nanoTime() - this.started) / 1_000_000 + " ms\n");
	}

	private void print(String text) {
		if (this.err != null) {
			this.err.print(text);
			this.err.flush();
		}
	}

}
