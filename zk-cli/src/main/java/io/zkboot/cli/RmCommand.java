package io.zkboot.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.DeleteReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zk rm [-r] [--force] [-d] CONNECT PATH}: delete a node, or a subtree as zc.zk's
 * delete_recursive does, sparing ephemeral nodes and the nodes holding them unless forced.
 */
@Command(name = "rm", mixinStandardHelpOptions = true,
		description = "Delete a node; with -r a whole subtree, sparing ephemeral nodes unless --force.")
class RmCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = { "-r", "--recursive" }, description = "delete the subtree")
	boolean recursive;

	@Option(names = "--force", description = "delete ephemeral nodes too")
	boolean force;

	@Option(names = { "-d", "--dry-run" }, description = "only say what would be deleted")
	boolean dryRun;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node")
	String path;

	@Override
	public Integer call() {
		try (Connection zk = this.zooKeeper.open()) {
			if (!this.recursive) {
				if (!this.dryRun) {
					zk.template().delete(this.path);
				}
				return 0;
			}
			DeleteOptions options = DeleteOptions.defaults();
			options = this.force ? options.withForce() : options;
			options = this.dryRun ? options.withDryRun() : options;
			DeleteReport report = zk.template().deleteRecursive(this.path, options);
			PrintWriter out = this.spec.commandLine().getOut();
			report.messages().forEach(out::println);
		}
		return 0;
	}

}
