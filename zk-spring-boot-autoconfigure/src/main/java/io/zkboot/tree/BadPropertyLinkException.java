package io.zkboot.tree;

/**
 * A property link that cannot be followed; the cause says why (a missing node or property,
 * a loop, a malformed link, or another bad link further along).
 */
public class BadPropertyLinkException extends RuntimeException {

	/** The stored name of the link. */
	private final String property;

	private final transient Object link;

	/**
	 * Creates the exception.
	 *
	 * @param property the stored name of the link, for example {@code threads =>}
	 * @param link     the link value, for example {@code /fooservice threads}
	 * @param cause    why it cannot be followed
	 */
	public BadPropertyLinkException(String property, Object link, RuntimeException cause) {
		super("bad property link '" + property + " " + link + "': " + cause.getMessage(), cause);
		this.property = property;
		this.link = link;
	}

	/**
	 * Returns the stored name of the link.
	 *
	 * @return for example {@code threads =>}
	 */
	public String property() {
		return property;
	}

	/**
	 * Returns the link value.
	 *
	 * @return for example {@code /fooservice threads}
	 */
	public Object link() {
		return link;
	}
}
