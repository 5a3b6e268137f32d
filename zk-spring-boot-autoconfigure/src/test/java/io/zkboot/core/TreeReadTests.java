package io.zkboot.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pipelined tree creation, tree reads and walks.
 */
class TreeReadTests extends ZkServerSupport {

	@Test
	void walkIsDepthFirstWithSortedSiblings() {
		this.template.createTree(Map.of("/cms/providers/1.2.3.4:5", bytes(""), "/cms/databases", bytes(""),
				"/cms-b", bytes(""), "/cms/a b", bytes("")));
		assertThat(this.template.walk("/cms")).containsExactly("/cms", "/cms/a b", "/cms/databases",
				"/cms/providers", "/cms/providers/1.2.3.4:5");
		assertThat(this.template.walk("/")).containsExactly("/", "/cms", "/cms/a b", "/cms/databases",
				"/cms/providers", "/cms/providers/1.2.3.4:5", "/cms-b", "/zookeeper", "/zookeeper/config",
				"/zookeeper/quota");
	}

	@Test
	void walkOfAMissingPathIsEmpty() {
		assertThat(this.template.walk("/missing")).isEmpty();
	}

	@Test
	void ephemeralNodesCanBeLeftOut() throws Exception {
		this.template.createTree(Map.of("/svc/providers", bytes(""), "/svc/provision/node1", bytes("")));
		CuratorFramework owner = newClient();
		try {
			new ZkTemplate(owner).create("/svc/providers/h:1", null, CreateOptions.persistent().withEphemeral());
			assertThat(this.template.walk("/svc")).contains("/svc/providers/h:1");
			assertThat(this.template.walk("/svc", false)).containsExactly("/svc", "/svc/providers",
					"/svc/provision", "/svc/provision/node1");
			assertThat(this.template.walk("/svc/providers/h:1", false)).isEmpty();
			assertThat(this.template.readTree("/svc", false)).extracting(ZkNode::path)
				.doesNotContain("/svc/providers/h:1");
			assertThat(this.template.readTree("/svc", true)).extracting(ZkNode::path)
				.contains("/svc/providers/h:1");
		}
		finally {
			owner.close();
		}
	}

	@Test
	void readTreeGivesDataAndStatOfEveryNode() {
		this.template.createTree(Map.of("/t", bytes("top"), "/t/a", bytes("A"), "/t/a/x", bytes("X")));
		this.template.set("/t/a", bytes("A2"));
		List<ZkNode> nodes = this.template.readTree("/t", true);
		assertThat(nodes).extracting(ZkNode::path).containsExactly("/t", "/t/a", "/t/a/x");
		assertThat(nodes).extracting(ZkNode::dataAsString).containsExactly("top", "A2", "X");
		assertThat(nodes.get(1).stat().getVersion()).isEqualTo(1);
		assertThat(nodes.get(0).stat().getNumChildren()).isEqualTo(1);
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.readTree("/nope", true));
	}

	@Test
	void createTreeMakesMissingAncestorsAndReportsWhatItCreated() {
		this.template.create("/base", bytes("kept"));
		List<String> created = this.template.createTree(Map.of("/base/a/b", bytes("B"), "/base/c", bytes("C")));
		assertThat(created).containsExactly("/base/a", "/base/a/b", "/base/c");
		assertThat(this.template.get("/base").dataAsString()).isEqualTo("kept");
		assertThatExceptionOfType(ZkNodeExistsException.class)
			.isThrownBy(() -> this.template.createTree(Map.of("/base/c", bytes("again"))))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/base/c"));
	}

	@Test
	void aTreeLargerThanTheWindowIsReadCreatedAndDeletedWhole() {
		Map<String, byte[]> tree = new TreeMap<>();
		List<String> expected = new ArrayList<>();
		expected.add("/big");
		for (int i = 0; i < 30; i++) {
			String parent = String.format("/big/p%02d", i);
			expected.add(parent);
			for (int j = 0; j < 80; j++) {
				String child = String.format("%s/c%02d", parent, j);
				tree.put(child, bytes(child));
				expected.add(child);
			}
		}
		assertThat(this.template.createTree(tree)).hasSize(expected.size());
		List<ZkNode> nodes = this.template.readTree("/big", true);
		assertThat(nodes).extracting(ZkNode::path).containsExactlyElementsOf(expected);
		assertThat(nodes.get(2).dataAsString()).isEqualTo("/big/p00/c00");
		assertThat(this.template.deleteRecursive("/big").deleted()).hasSize(expected.size());
		assertThat(this.template.exists("/big")).isFalse();
	}

	@Test
	void namespacedClientsWorkInsideTheirNamespace() {
		ZkTemplate namespaced = new ZkTemplate(this.client.usingNamespace("app/ns"));
		assertThat(namespaced.createTree(Map.of("/x/y", bytes("Y")))).containsExactly("/x", "/x/y");
		assertThat(namespaced.readTree("/", true)).extracting(ZkNode::path).containsExactly("/", "/x", "/x/y");
		assertThat(namespaced.getChildrenWithData("/x")).extracting(ZkNode::dataAsString).containsExactly("Y");
		assertThat(this.template.get("/app/ns/x/y").dataAsString()).isEqualTo("Y");
		namespaced.ensurePath("/e/f");
		assertThat(this.template.exists("/app/ns/e/f")).isTrue();
		assertThat(namespaced.deleteRecursive("/x").deleted()).containsExactly("/x/y", "/x");
		assertThat(this.template.exists("/app/ns/x")).isFalse();
	}

}
