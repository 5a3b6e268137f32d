package io.zkboot.core;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class ZkTemplateCrudTests extends ZkServerSupport {

	@Test
	void createWithDataReturnsThePathAndGetReadsDataAndStat() {
		assertThat(this.template.create("/a", bytes("value"))).isEqualTo("/a");
		ZkNode node = this.template.get("/a");
		assertThat(node.path()).isEqualTo("/a");
		assertThat(node.name()).isEqualTo("a");
		assertThat(node.dataAsString()).isEqualTo("value");
		assertThat(node.stat().getVersion()).isZero();
		assertThat(node.isEphemeral()).isFalse();
	}

	@Test
	void createWithNullDataStoresNoData() {
		this.template.create("/a", null);
		assertThat(this.template.get("/a").data()).isEmpty();
	}

	@Test
	void createOfAnExistingNodeIsNodeExists() {
		this.template.create("/a", bytes("1"));
		assertThatExceptionOfType(ZkNodeExistsException.class).isThrownBy(() -> this.template.create("/a", bytes("2")))
			.satisfies((ex) -> {
				assertThat(ex.getPath()).isEqualTo("/a");
				assertThat(ex.getCode()).isEqualTo(KeeperException.Code.NODEEXISTS);
				assertThat(ex.getCause()).isInstanceOf(KeeperException.NodeExistsException.class);
			});
		assertThat(this.template.get("/a").dataAsString()).isEqualTo("1");
	}

	@Test
	void createUnderAMissingParentIsNoNodeUnlessParentsAreMade() {
		assertThatExceptionOfType(ZkNoNodeException.class)
			.isThrownBy(() -> this.template.create("/x/y/z", bytes("v")))
			.withMessageContaining("/x/y/z");
		assertThat(this.template.exists("/x")).isFalse();
		assertThat(this.template.create("/x/y/z", bytes("v"), CreateOptions.persistent().withMakeParents()))
			.isEqualTo("/x/y/z");
		assertThat(this.template.get("/x/y/z").dataAsString()).isEqualTo("v");
		assertThat(this.template.get("/x/y").data()).isEmpty();
	}

	@Test
	void ensurePathMakesEveryMissingNodeAndIsIdempotent() {
		this.template.create("/my", bytes("keep"));
		this.template.ensurePath("/my/favorite/deep/node");
		this.template.ensurePath("/my/favorite/deep/node");
		this.template.ensurePath("/");
		assertThat(this.template.walk("/my")).containsExactly("/my", "/my/favorite", "/my/favorite/deep",
				"/my/favorite/deep/node");
		assertThat(this.template.get("/my").dataAsString()).isEqualTo("keep");
	}

	@Test
	void sequentialNodesGetIncreasingNames() {
		this.template.ensurePath("/q");
		String first = this.template.create("/q/item-", bytes("1"), CreateOptions.persistent().withSequential());
		String second = this.template.create("/q/item-", bytes("2"), CreateOptions.persistent().withSequential());
		assertThat(first).isEqualTo("/q/item-0000000000");
		assertThat(second).isEqualTo("/q/item-0000000001");
	}

	@Test
	void ephemeralNodesAreOwnedByTheSessionAndGoWithIt() throws Exception {
		CuratorFramework other = newClient();
		ZkTemplate otherTemplate = new ZkTemplate(other);
		String path = otherTemplate.create("/services/web/host:8080", bytes("{}"),
				CreateOptions.persistent().withEphemeral().withMakeParents());
		assertThat(this.template.isEphemeral(path)).isTrue();
		assertThat(this.template.isEphemeral("/services/web")).isFalse();
		assertThat(this.template.stat(path)).get()
			.extracting(Stat::getEphemeralOwner)
			.isEqualTo(other.getZookeeperClient().getZooKeeper().getSessionId());
		other.close();
		await().until(() -> !this.template.exists(path));
		assertThat(this.template.exists("/services/web")).isTrue();
	}

	@Test
	void ephemeralSequentialNode() {
		this.template.ensurePath("/lock");
		String path = this.template.create("/lock/n-", null, CreateOptions.persistent().withEphemeral().withSequential());
		assertThat(path).startsWith("/lock/n-");
		assertThat(this.template.isEphemeral(path)).isTrue();
	}

	@Test
	void missingNodesAreReportedAsNoNode() {
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.get("/missing"))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/missing"))
			.withMessage("node does not exist: /missing");
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.getChildren("/missing"));
		assertThatExceptionOfType(ZkNoNodeException.class)
			.isThrownBy(() -> this.template.getChildrenWithData("/missing"));
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.isEphemeral("/missing"));
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.set("/missing", null));
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.delete("/missing"));
		assertThat(this.template.exists("/missing")).isFalse();
		assertThat(this.template.stat("/missing")).isEmpty();
	}

	@Test
	void childrenAreSorted() {
		this.template.createTree(
				java.util.Map.of("/p/b", bytes("b"), "/p/a", bytes("a"), "/p/c", bytes("c"), "/p/a/deep", bytes("d")));
		assertThat(this.template.getChildren("/p")).containsExactly("a", "b", "c");
	}

	@Test
	void childrenWithDataReadsEachChildsDataAndStat() {
		this.template.create("/p", bytes("parent"));
		this.template.create("/p/b", bytes("B"));
		this.template.create("/p/a", bytes("A"));
		this.template.create("/p/a/grandchild", bytes("G"));
		List<ZkNode> children = this.template.getChildrenWithData("/p");
		assertThat(children).extracting(ZkNode::path).containsExactly("/p/a", "/p/b");
		assertThat(children).extracting(ZkNode::dataAsString).containsExactly("A", "B");
		assertThat(children.get(0).stat().getNumChildren()).isEqualTo(1);
		assertThat(this.template.getChildrenWithData("/p/b")).isEmpty();
	}

	@Test
	void setWithTheExpectedVersionUpdates() {
		this.template.create("/a", bytes("1"));
		Stat stat = this.template.set("/a", bytes("2"), 0);
		assertThat(stat.getVersion()).isEqualTo(1);
		assertThat(this.template.set("/a", bytes("3")).getVersion()).isEqualTo(2);
		assertThat(this.template.get("/a").dataAsString()).isEqualTo("3");
	}

	@Test
	void setWithAnotherVersionIsBadVersionAndChangesNothing() {
		this.template.create("/a", bytes("1"));
		assertThatExceptionOfType(ZkBadVersionException.class)
			.isThrownBy(() -> this.template.set("/a", bytes("2"), 7))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/a"))
			.withMessageContaining("bad version");
		ZkNode node = this.template.get("/a");
		assertThat(node.dataAsString()).isEqualTo("1");
		assertThat(node.stat().getVersion()).isZero();
	}

	@Test
	void deleteWithVersion() {
		this.template.create("/a", bytes("1"));
		assertThatExceptionOfType(ZkBadVersionException.class).isThrownBy(() -> this.template.delete("/a", 3));
		assertThat(this.template.exists("/a")).isTrue();
		this.template.delete("/a", 0);
		assertThat(this.template.exists("/a")).isFalse();
	}

	@Test
	void deleteOfANodeWithChildrenIsNotEmpty() {
		this.template.create("/a/b", null, CreateOptions.persistent().withMakeParents());
		assertThatExceptionOfType(ZkNotEmptyException.class).isThrownBy(() -> this.template.delete("/a"))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/a"));
	}

	@Test
	void invalidPathsAreRejectedBeforeAnyCall() {
		for (String path : new String[] { "a/b", "/a/", "/a//b", "/a/./b", "/a/../b", "" }) {
			assertThatExceptionOfType(ZkInvalidPathException.class).as(path)
				.isThrownBy(() -> this.template.create(path, null))
				.withMessageStartingWith("invalid path '" + path + "': ")
				.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo(path));
		}
		assertThatExceptionOfType(ZkInvalidPathException.class).isThrownBy(() -> this.template.get(null))
			.withMessage("invalid path: the path is null");
		assertThatExceptionOfType(ZkInvalidPathException.class).isThrownBy(() -> this.template.walk("x"));
		assertThatExceptionOfType(ZkInvalidPathException.class)
			.isThrownBy(() -> this.template.createTree(java.util.Map.of("/ok", bytes(""), "/bad/", bytes(""))));
		assertThat(this.template.exists("/ok")).isFalse();
	}

	@Test
	void connectionLossIsTranslated() throws Exception {
		CuratorFramework other = newClient();
		ZkTemplate otherTemplate = new ZkTemplate(other);
		server.stop();
		try {
			assertThatExceptionOfType(ZkConnectionLossException.class).isThrownBy(() -> otherTemplate.get("/a"))
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(KeeperException.Code.CONNECTIONLOSS));
		}
		finally {
			server.restart();
			other.close();
		}
	}

}
