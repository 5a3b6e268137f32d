package io.zkboot.core;

import org.jspecify.annotations.Nullable;

/**
 * A node's data that cannot be read as asked: data that starts like a JSON object
 * (<code>{</code>, after any whitespace) but is not valid JSON, for example a truncated write,
 * or JSON that does not bind to the type a {@code @ZkWatch} method takes. The message names
 * the node and the place of the error (line and column in the data), never the data itself,
 * which may hold secrets: {@code node /config/app holds invalid JSON (it ends too early) at
 * line 1, column 38}.
 */
public class InvalidNodeDataException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String path;

	private final int line;

	private final int column;

	/**
	 * Creates the exception.
	 * @param path the node's path, or {@code null} when it is not known
	 * @param line the 1-based line in the data where the JSON error is
	 * @param column the 1-based column in that line
	 * @param problem what the node holds, without the data, for example
	 * {@code invalid JSON (it ends too early)}
	 */
	public InvalidNodeDataException(@Nullable String path, int line, int column, String problem) {
		super(((path != null) ? "node " + path : "the node") + " holds " + problem + " at line " + line + ", column "
				+ column);
		this.path = path;
		this.line = line;
		this.column = column;
	}

	/**
	 * The node's path.
	 * @return the path, or {@code null} when it was not known
	 */
	public @Nullable String path() {
		return this.path;
	}

	/**
	 * Where in the data the JSON error is.
	 * @return the 1-based line
	 */
	public int line() {
		return this.line;
	}

	/**
	 * Where in its line the JSON error is.
	 * @return the 1-based column
	 */
	public int column() {
		return this.column;
	}

}
