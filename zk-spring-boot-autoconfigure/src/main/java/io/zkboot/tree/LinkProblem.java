package io.zkboot.tree;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A symbolic or property link that cannot be followed.
 *
 * @param path       the path of the node holding the link
 * @param property   the stored name of the link ({@code name ->} or {@code name =>})
 * @param location   where the link's line is, or {@code null} if it was not read from a text
 * @param reason     what is wrong
 * @param importable whether zc.zk imports such a link (it reports the problem only when the
 *                   link is read): a link to no node or no property, a loop; false for a link
 *                   that climbs above {@code /}, which no import accepts
 */
record LinkProblem(String path, String property, @Nullable Location location, String reason, boolean importable) {

	/**
	 * Returns where the link's line is.
	 *
	 * @return the location, empty if the link was not read from a text
	 */
	public Optional<Location> where() {
		return Optional.ofNullable(location);
	}

	/**
	 * Renders the problem as {@code source:line:column: reason}, or {@code path: reason} for
	 * links not read from a text.
	 *
	 * @return the message
	 */
	public String message() {
		return (location != null ? location.toString() : path) + ": " + reason;
	}

	/**
	 * Turns the problem into the exception a parser would throw.
	 *
	 * @return the exception
	 * @throws IllegalStateException if the link was not read from a text
	 */
	public TreeSyntaxException toException() {
		if (location == null) {
			throw new IllegalStateException("no location for " + message());
		}
		return new TreeSyntaxException(location, reason);
	}
}
