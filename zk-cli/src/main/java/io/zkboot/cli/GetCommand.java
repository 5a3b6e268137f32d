package io.zkboot.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code zk get CONNECT PATH}: print a node's data.
 */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Print the data of a node.")
class GetCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node")
	String path;

	@Override
	public Integer call() {
		try (Connection zk = this.zooKeeper.open()) {
			byte[] data = zk.template().get(this.path).data();
			this.spec.commandLine().getOut().println((data != null) ? new String(data, StandardCharsets.UTF_8) : "");
		}
		return 0;
	}

}
