package io.zkboot.tree;

/**
 * A path that names no node, even after following symbolic links.
 */
public class NoSuchNodeException extends RuntimeException {

	/** The path asked for. */
	private final String path;

	/**
	 * Creates the exception.
	 *
	 * @param path the path that was asked for
	 */
	public NoSuchNodeException(String path) {
		super("no node " + path);
		this.path = path;
	}

	/**
	 * Returns the path that was asked for.
	 *
	 * @return the path
	 */
	public String path() {
		return path;
	}
}
