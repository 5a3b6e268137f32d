package io.zkboot.autoconfigure;

import io.zkboot.tree.TreeSyntaxException;

/**
 * A tree text that could not be imported at startup, naming the resource and, for a bad line
 * or link, the line and column.
 */
public class ZkTreeImportFailedException extends RuntimeException {

	/** The resource's name. */
	private final String resource;

	/**
	 * Creates the exception.
	 * @param resource the resource's name
	 * @param cause why it could not be imported
	 */
	public ZkTreeImportFailedException(String resource, RuntimeException cause) {
		super("Cannot import the tree " + resource + where(cause) + ": "
				+ ((cause instanceof TreeSyntaxException syntax) ? syntax.reason() : cause.getMessage()), cause);
		this.resource = resource;
	}

	private static String where(RuntimeException cause) {
		return (cause instanceof TreeSyntaxException syntax)
				? " at line " + syntax.line() + ", column " + syntax.column() : "";
	}

	/**
	 * Returns the resource that could not be imported.
	 * @return its name
	 */
	public String getResource() {
		return this.resource;
	}

	/**
	 * Returns the line of the problem.
	 * @return the 1-based line, or 0 when the problem is not on a line (for example a refused
	 * write)
	 */
	public int getLine() {
		return (getCause() instanceof TreeSyntaxException syntax) ? syntax.line() : 0;
	}

}
