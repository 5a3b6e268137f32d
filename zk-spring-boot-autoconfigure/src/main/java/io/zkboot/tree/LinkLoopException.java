package io.zkboot.tree;

import java.util.ArrayList;
import java.util.List;

/**
 * Symbolic or property links that lead back to where they started.
 */
public class LinkLoopException extends RuntimeException {

	/** The paths followed, ending with the repeated one. */
	private final ArrayList<String> paths;

	/**
	 * Creates the exception.
	 *
	 * @param paths the paths followed, ending with the one seen before
	 */
	public LinkLoopException(List<String> paths) {
		super("link loop: " + String.join(" -> ", paths));
		this.paths = new ArrayList<>(paths);
	}

	/**
	 * Returns the paths followed, ending with the one seen before.
	 *
	 * @return the paths in order
	 */
	public List<String> paths() {
		return List.copyOf(paths);
	}
}
