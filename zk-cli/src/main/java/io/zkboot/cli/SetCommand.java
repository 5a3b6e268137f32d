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
import io.zkboot.tree.LiteralSyntaxException;
import io.zkboot.tree.PythonLiteral;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code zk set CONNECT PATH name=value ...}: update properties of a node, as zc.zk's
 * zookeeper_set_property. Values take the tree format's syntax ({@code threads=4},
 * {@code name='x'}, {@code flags=[1, 2]}); the path follows symbolic links.
 */
@Command(name = "set", mixinStandardHelpOptions = true,
		description = "Update properties of a node; values in the tree format's syntax.")
class SetCommand implements Callable<Integer> {

	private static final int ATTEMPTS = 10;

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "PATH", description = "the node (symbolic links are followed)")
	String path;

	@Parameters(index = "2..*", arity = "1..*", paramLabel = "NAME=VALUE", description = "properties to set")
	List<String> assignments;

	@Override
	public Integer call() {
		Map<String, Object> changes = parse(this.assignments);
		try (Connection zk = this.zooKeeper.open()) {
			String resolved = new LinkResolver(new CuratorNodeReader(zk.client())).resolve(this.path);
			for (int attempt = 1;; attempt++) {
				ZkNode node = zk.template().get(resolved);
				Map<String, Object> properties = new LinkedHashMap<>(NodeProperties.decode(node.data()));
				properties.putAll(changes);
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

	private static Map<String, Object> parse(List<String> assignments) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (String assignment : assignments) {
			int equals = assignment.indexOf('=');
			if (equals <= 0) {
				throw new CliException("expected NAME=VALUE, got: " + assignment);
			}
			String name = assignment.substring(0, equals).strip();
			String value = assignment.substring(equals + 1).strip();
			try {
				changes.put(name, PythonLiteral.parse(value));
			}
			catch (LiteralSyntaxException ex) {
				throw new CliException("bad value for " + name + " at column " + (ex.offset() + 1) + ": "
						+ ex.reason());
			}
		}
		return changes;
	}

}
