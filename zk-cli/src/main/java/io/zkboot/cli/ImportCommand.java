package io.zkboot.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ImportResult;
import io.zkboot.tree.Trim;
import io.zkboot.tree.ZkTree;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zk import [-d] [-t] [-p PERM] [--strict-links] CONNECT FILE|- [PATH]}: import a tree
 * text, as zc.zk's zookeeper_import: without {@code -t} extra nodes are reported
 * ({@code extra path not trimmed}), with it they are deleted (never ephemeral nodes or their
 * ancestors); a dry run prints what would change and writes nothing. A link to no node, to no
 * property or in a loop is imported with a warning on standard error, or refused with
 * {@code --strict-links}.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
		description = "Import a tree text file (or - for standard input) at PATH.")
class ImportCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Option(names = { "-d", "--dry-run" }, description = "print what would change; write nothing")
	boolean dryRun;

	@Option(names = { "-t", "--trim" }, description = "delete nodes that are not in the text")
	boolean trim;

	@Option(names = { "-p", "--permission" }, paramLabel = "PERM", defaultValue = "31",
			description = "permissions of world:anyone on created nodes, ZooKeeper's bits (default 31 = ALL; 1 = READ)")
	int permission;

	@Option(names = "--strict-links",
			description = "refuse links to no node or no property and link loops (zc.zk imports them; default: warn)")
	boolean strictLinks;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "FILE", description = "the tree file, or - for standard input")
	String file;

	@Parameters(index = "2", paramLabel = "PATH", defaultValue = "/", description = "where to import (default /)")
	String path;

	@Override
	public Integer call() {
		if (this.permission < 0 || this.permission > ZooDefs.Perms.ALL) {
			throw new CliException("permission must be between 0 and 31, got " + this.permission);
		}
		String text = ValidateCommand.read(this.file);
		ImportOptions options = ImportOptions.defaults()
			.withBasePath(this.path)
			.withTrim(this.trim ? Trim.DELETE : Trim.WARN)
			.withAcl(List.of(new ACL(this.permission, ZooDefs.Ids.ANYONE_ID_UNSAFE)));
		options = this.dryRun ? options.withDryRun() : options;
		options = this.strictLinks ? options.withStrictLinks() : options;
		PrintWriter out = this.spec.commandLine().getOut();
		PrintWriter err = this.spec.commandLine().getErr();
		try (Connection zk = this.zooKeeper.open()) {
			Progress progress = Progress.start(err, "importing " + this.file);
			ImportResult result = new ZkTree(zk.template()).importTree(text, ValidateCommand.sourceName(this.file),
					options);
			progress.done(result.summary());
			result.warnings().forEach((warning) -> err.println("zk import: warning: " + warning));
			result.messages().forEach(out::println);
		}
		return 0;
	}

}
