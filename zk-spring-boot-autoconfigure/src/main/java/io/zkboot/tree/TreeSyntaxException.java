package io.zkboot.tree;

/**
 * A tree text that cannot be read: its message reads like
 * {@code zk/services.tree:12:5: Invalid indentation}.
 */
public class TreeSyntaxException extends RuntimeException {

	private final transient Location location;

	/** What is wrong. */
	private final String reason;

	/**
	 * Creates the exception.
	 *
	 * @param location where the problem is
	 * @param reason   what is wrong, without the location
	 */
	public TreeSyntaxException(Location location, String reason) {
		super(location + ": " + reason);
		this.location = location;
		this.reason = reason;
	}

	/**
	 * Returns where the problem is.
	 *
	 * @return the location
	 */
	public Location location() {
		return location;
	}

	/**
	 * Returns the source name.
	 *
	 * @return the source name given to the parser
	 */
	public String source() {
		return location.source();
	}

	/**
	 * Returns the 1-based line number.
	 *
	 * @return the line
	 */
	public int line() {
		return location.line();
	}

	/**
	 * Returns the 1-based column.
	 *
	 * @return the column
	 */
	public int column() {
		return location.column();
	}

	/**
	 * Returns what is wrong, without the location.
	 *
	 * @return the reason
	 */
	public String reason() {
		return reason;
	}
}
