package io.zkboot.cli;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
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

	@Parameters(index = "0", paramLabel = "CONNECT", description = "ZooKeeper connect string, e.g. localhost:2181")
	String connect;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node")
	String path;

	@Override
	public Integer call() {
		try (Connection zk = Connection.open(this.connect)) {
			byte[] data = zk.template().get(this.path).data();
			this.spec.commandLine().getOut().println((data != null) ? new String(data, StandardCharsets.UTF_8) : "");
		}
		return 0;
	}

}
