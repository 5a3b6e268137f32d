package io.zkboot.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.zkboot.tree.TreeParser;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code zk validate FILE}: parse a tree file without connecting, as zc.zk's
 * zookeeper_validate.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
		description = "Parse a tree file; a bad file gives its line and column.")
class ValidateCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "FILE", description = "the tree file, or - for standard input")
	String file;

	@Override
	public Integer call() {
		TreeParser.parse(read(this.file), sourceName(this.file));
		return 0;
	}

	/**
	 * Read a tree file or standard input, as strict UTF-8.
	 * @param file a path, or {@code -} for standard input
	 * @return the text
	 * @throws io.zkboot.tree.TreeSyntaxException naming the line of a byte that is not UTF-8
	 */
	static String read(String file) {
		byte[] bytes;
		try {
			bytes = "-".equals(file) ? System.in.readAllBytes() : Files.readAllBytes(Path.of(file));
		}
		catch (IOException ex) {
			throw new CliException("cannot read " + file + ": " + ex.getMessage());
		}
		return TreeParser.decode(bytes, sourceName(file));
	}

	/**
	 * The name errors give a tree file.
	 * @param file a path, or {@code -}
	 * @return the path, or {@code <stdin>}
	 */
	static String sourceName(String file) {
		return "-".equals(file) ? "<stdin>" : file;
	}

}
