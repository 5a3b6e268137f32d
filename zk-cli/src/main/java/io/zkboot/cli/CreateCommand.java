package io.zkboot.cli;

import java.util.List;
import java.util.concurrent.Callable;

import io.zkboot.core.CreateOptions;
import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkNoNodeException;
import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.PropertyLinkReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code zk create [-p] CONNECT PATH [NAME=VALUE ...]}: create a node with properties, written
 * as {@code zk set} takes them ({@code {}} for none, as zc.zk stores no properties).
 */
@Command(name = "create", mixinStandardHelpOptions = true,
		description = "Create a node with properties (NAME=VALUE, NAME->PATH, NAME=>PATH [PROPERTY], as zk set).")
class CreateCommand implements Callable<Integer> {

	@Option(names = { "-p", "--parents" }, description = "create missing parent nodes (empty)")
	boolean parents;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node to create")
	String path;

	@Parameters(index = "2..*", paramLabel = "NAME=VALUE", description = "its properties, as zk set takes them")
	List<String> assignments = List.of();

	@Override
	public Integer call() {
		Assignments properties = Assignments.parse(this.assignments);
		try (Connection zk = this.zooKeeper.open()) {
			properties.checkPropertyLinks(this.path, new PropertyLinkReader(new CuratorNodeReader(zk.client())));
			CreateOptions options = this.parents ? CreateOptions.persistent().withMakeParents() : CreateOptions.persistent();
			try {
				zk.template().create(this.path, NodeProperties.encode(properties.properties()), options);
			}
			catch (ZkNoNodeException ex) {
				throw new CliException("no parent node for " + this.path + " (-p creates missing parents)");
			}
		}
		return 0;
	}

}
