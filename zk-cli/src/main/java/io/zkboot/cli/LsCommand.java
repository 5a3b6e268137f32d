package io.zkboot.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code zk ls CONNECT PATH}: list a node's children, sorted.
 */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List the children of a node, sorted.")
class LsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", defaultValue = "/", description = "the node (default /)")
	String path;

	@Override
	public Integer call() {
		try (Connection zk = this.zooKeeper.open()) {
			zk.template().getChildren(this.path).stream().sorted().forEach(this.spec.commandLine().getOut()::println);
		}
		return 0;
	}

}
