package io.zkboot.tree;

/**
 * A place in a tree text: the source name and a 1-based line and column.
 *
 * @param source the source name, for example a file name such as {@code zk/services.tree}
 * @param line   the 1-based line number, counting blank and comment lines
 * @param column the 1-based column (every character, a tab included, is one column)
 */
public record Location(String source, int line, int column) {

	/**
	 * Renders the location as {@code source:line:column}.
	 *
	 * @return the location as compilers print it
	 */
	@Override
	public String toString() {
		return source + ":" + line + ":" + column;
	}
}
