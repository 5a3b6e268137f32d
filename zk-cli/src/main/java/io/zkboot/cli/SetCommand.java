package io.zkboot.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.zkboot.core.NodeProperties;
import io.zkboot.core.ZkBadVersionException;
import io.zkboot.core.ZkNode;
import io.zkboot.tree.CuratorNodeReader;
import io.zkboot.tree.LinkResolver;
import io.zkboot.tree.PropertyLinkReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code zk set CONNECT PATH NAME=VALUE ...}: update properties of a node, as zc.zk's
 * zookeeper_set_property. Values take the tree format's syntax ({@code threads=4},
 * {@code name="'x'"}, {@code flags=[1, 2]}); {@code NAME->PATH} writes a symbolic link and
 * {@code NAME=>PATH [PROPERTY]} a property link (checked to lead to a property); the path
 * follows symbolic links.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
		description = "Update properties of a node; values in the tree format's syntax, NAME->PATH a symbolic link, "
				+ "NAME=>PATH [PROPERTY] a property link.")
class SetCommand implements Callable<Integer> {

	private static final int ATTEMPTS = 10;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node (symbolic links are followed)")
	String path;

	@Parameters(index = "2..*", arity = "1..*", paramLabel = "NAME=VALUE",
			description = "properties to set: NAME=VALUE (a string quoted for the shell too: "
					+ "message=\"'hi'\"), NAME->PATH or NAME=>PATH [PROPERTY]")
	List<String> assignments;

	@Override
	public Integer call() {
		Assignments changes = Assignments.parse(this.assignments);
		try (Connection zk = this.zooKeeper.open()) {
			CuratorNodeReader reader = new CuratorNodeReader(zk.client());
			String resolved = new LinkResolver(reader).resolve(this.path);
			changes.checkPropertyLinks(this.path, new PropertyLinkReader(reader));
			for (int attempt = 1;; attempt++) {
				ZkNode node = zk.template().get(resolved);
				Map<String, Object> properties = new LinkedHashMap<>(NodeProperties.decode(node.data()));
				properties.putAll(changes.properties());
				try {
					zk.template().set(resolved, NodeProperties.encode(properties), node.stat().getVersion());
					return 0;
				}
				catch (ZkBadVersionException ex) {
					if (attempt == ATTEMPTS) {
						throw ex;
					}
				}
			}
		}
	}

}
