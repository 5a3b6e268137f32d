package io.zkboot.cli;

import java.util.concurrent.Callable;

import io.zkboot.tree.ZkTree;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code zk ln CONNECT TARGET LINK}: make a symbolic link, as zc.zk's {@code ln}: the
 * property {@code name ->} of the link's parent is set to the target (not checked to exist);
 * a target ending in {@code /} gets the link's name appended.
 */
@Command(name = "ln", mixinStandardHelpOptions = true,
		description = "Make a symbolic link, as zc.zk's ln: the link's parent gets the property 'NAME ->' = TARGET.")
class LnCommand implements Callable<Integer> {

	@Mixin
	ConnectArgument zooKeeper;

	@Parameters(index = "1", paramLabel = "TARGET",
			description = "where the link points: absolute, or relative to the link's parent; "
					+ "ending in / appends the link's name")
	String target;

	@Parameters(index = "2", paramLabel = "LINK", description = "the link's path; its parent must exist")
	String link;

	@Override
	public Integer call() {
		try (Connection zk = this.zooKeeper.open()) {
			new ZkTree(zk.template()).ln(this.target, this.link);
		}
		return 0;
	}

}
