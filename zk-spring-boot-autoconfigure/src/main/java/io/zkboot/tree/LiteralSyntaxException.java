package io.zkboot.tree;

/**
 * A property value that is not one of the accepted literals.
 */
public class LiteralSyntaxException extends IllegalArgumentException {

	/** Where in the value text the problem is. */
	private final int offset;

	/** What is wrong. */
	private final String reason;

	/**
	 * Creates the exception.
	 *
	 * @param offset 0-based index in the value text where the problem is
	 * @param reason what is wrong
	 */
	public LiteralSyntaxException(int offset, String reason) {
		super(reason + " (at offset " + offset + ")");
		this.offset = offset;
		this.reason = reason;
	}

	/**
	 * Returns the 0-based index in the value text where the problem is.
	 *
	 * @return the offset
	 */
	public int offset() {
		return offset;
	}

	/**
	 * Returns what is wrong, without the position.
	 *
	 * @return the reason
	 */
	public String reason() {
		return reason;
	}
}
