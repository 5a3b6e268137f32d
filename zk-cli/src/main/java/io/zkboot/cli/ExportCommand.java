package io.zkboot.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.zkboot.tree.ExportOptions;
import io.zkboot.tree.ZkTree;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zk export [-e] [-o FILE] [--name NAME] CONNECT [PATH]}: print a tree in zc.zk's text
 * format, as zc.zk's zookeeper_export.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
		description = "Print a subtree in zc.zk's tree text format.")
class ExportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = { "-e", "--ephemeral" }, description = "include ephemeral nodes")
	boolean ephemeral;

	@Option(names = { "-o", "--output" }, paramLabel = "FILE", description = "write to FILE instead of standard output")
	@Nullable Path output;

	@Option(names = "--name", paramLabel = "NAME", description = "a new name for the top node")
	@Nullable String name;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", defaultValue = "/", description = "the subtree (default /)")
	String path;

	@Override
	public Integer call() throws IOException {
		String text;
		try (Connection zk = this.zooKeeper.open()) {
			Progress progress = Progress.start(this.spec.commandLine().getErr(), "exporting " + this.path);
			ExportOptions options = ExportOptions.defaults();
			options = this.ephemeral ? options.withEphemeral() : options;
			options = (this.name != null) ? options.withName(this.name) : options;
			text = new ZkTree(zk.template()).export(this.path, options);
			progress.done(text.lines().filter((line) -> line.strip().startsWith("/")).count() + " nodes");
		}
		if (this.output != null) {
			Files.writeString(this.output, text, StandardCharsets.UTF_8);
		}
		else {
			this.spec.commandLine().getOut().print(text);
			this.spec.commandLine().getOut().flush();
		}
		return 0;
	}

}
