package io.zkboot.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * zc.zk's {@code delete_recursive} (compat spec §12), with the ephemeral nodes made by a second
 * client, as a registered service's are.
 */
class RecursiveDeleteTests extends ZkServerSupport {

	CuratorFramework owner;

	@BeforeEach
	void fooservice() throws Exception {
		Map<String, byte[]> tree = new LinkedHashMap<>();
		tree.put("/fooservice", bytes("{\"threads\":3}"));
		tree.put("/fooservice/providers", bytes("{}"));
		tree.put("/fooservice/provision/node1", bytes("{}"));
		tree.put("/fooservice/provision/node2", bytes("{}"));
		this.template.createTree(tree);
		this.owner = newClient();
		ZkTemplate ownerTemplate = new ZkTemplate(this.owner);
		for (String port : new String[] { "8082", "8080", "8081" }) {
			ownerTemplate.create("/fooservice/providers/192.168.0.42:" + port, bytes("{\"pid\":1}"),
					CreateOptions.persistent().withEphemeral());
		}
	}

	@AfterEach
	void closeOwner() {
		this.owner.close();
	}

	@Test
	void sparesEphemeralNodesAndTheirAncestorsWithZcZksMessages() {
		DeleteReport report = this.template.deleteRecursive("/fooservice");
		assertThat(report.messages()).containsExactly(
				"Not deleting /fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
				"Not deleting /fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
				"Not deleting /fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
				"/fooservice/providers not deleted due to ephemeral descendent.",
				"/fooservice not deleted due to ephemeral descendent.");
		assertThat(report.dryRun()).isFalse();
		assertThat(report.isComplete()).isFalse();
		assertThat(report.deleted()).containsExactly("/fooservice/provision/node1", "/fooservice/provision/node2",
				"/fooservice/provision");
		assertThat(report.spared()).containsExactly(
				new SparedNode("/fooservice/providers/192.168.0.42:8080", SparedNode.Reason.EPHEMERAL),
				new SparedNode("/fooservice/providers/192.168.0.42:8081", SparedNode.Reason.EPHEMERAL),
				new SparedNode("/fooservice/providers/192.168.0.42:8082", SparedNode.Reason.EPHEMERAL),
				new SparedNode("/fooservice/providers", SparedNode.Reason.EPHEMERAL_DESCENDANT),
				new SparedNode("/fooservice", SparedNode.Reason.EPHEMERAL_DESCENDANT));
		assertThat(this.template.walk("/fooservice")).containsExactly("/fooservice", "/fooservice/providers",
				"/fooservice/providers/192.168.0.42:8080", "/fooservice/providers/192.168.0.42:8081",
				"/fooservice/providers/192.168.0.42:8082");
	}

	@Test
	void dryRunListsWhatWouldBeDeletedAndChangesNothing() {
		DeleteReport report = this.template.deleteRecursive("/fooservice", DeleteOptions.defaults().withDryRun());
		assertThat(report.messages()).containsExactly(
				"wouldn't delete /fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
				"wouldn't delete /fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
				"wouldn't delete /fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
				"/fooservice/providers not deleted due to ephemeral descendent.",
				"would delete /fooservice/provision/node1.", "would delete /fooservice/provision/node2.",
				"would delete /fooservice/provision.", "/fooservice not deleted due to ephemeral descendent.");
		assertThat(report.dryRun()).isTrue();
		assertThat(report.deleted()).containsExactly("/fooservice/provision/node1", "/fooservice/provision/node2",
				"/fooservice/provision");
		assertThat(this.template.walk("/fooservice")).hasSize(8);
	}

	@Test
	void forceDeletesEphemeralNodesToo() {
		DeleteReport dryRun = this.template.deleteRecursive("/fooservice", DeleteOptions.defaults().withForce().withDryRun());
		assertThat(dryRun.messages()).containsExactly("would delete /fooservice/providers/192.168.0.42:8080.",
				"would delete /fooservice/providers/192.168.0.42:8081.",
				"would delete /fooservice/providers/192.168.0.42:8082.", "would delete /fooservice/providers.",
				"would delete /fooservice/provision/node1.", "would delete /fooservice/provision/node2.",
				"would delete /fooservice/provision.", "would delete /fooservice.");
		DeleteReport report = this.template.deleteRecursive("/fooservice", DeleteOptions.defaults().withForce());
		assertThat(report.messages()).isEmpty();
		assertThat(report.isComplete()).isTrue();
		assertThat(report.deleted()).hasSize(8).endsWith("/fooservice");
		assertThat(this.template.exists("/fooservice")).isFalse();
	}

	@Test
	void anEphemeralTopNodeIsReportedOrIgnored() {
		String path = "/fooservice/providers/192.168.0.42:8080";
		assertThat(this.template.deleteRecursive(path).messages())
			.containsExactly("Not deleting " + path + " because it's ephemeral.");
		DeleteReport ignored = this.template.deleteRecursive(path, DeleteOptions.defaults().withIgnoreIfEphemeral());
		assertThat(ignored.messages()).isEmpty();
		assertThat(ignored.deleted()).isEmpty();
		assertThat(ignored.spared()).containsExactly(new SparedNode(path, SparedNode.Reason.EPHEMERAL));
		assertThat(this.template.exists(path)).isTrue();
	}

	@Test
	void ignoreIfEphemeralAppliesToTheTopNodeOnly() {
		DeleteReport report = this.template.deleteRecursive("/fooservice/providers",
				DeleteOptions.defaults().withIgnoreIfEphemeral().withDryRun());
		assertThat(report.messages()).hasSize(4)
			.endsWith("/fooservice/providers not deleted due to ephemeral descendent.");
	}

	@Test
	void aSubtreeWithoutEphemeralNodesIsDeletedWhole() {
		DeleteReport report = this.template.deleteRecursive("/fooservice/provision");
		assertThat(report.messages()).isEmpty();
		assertThat(report.deleted()).containsExactly("/fooservice/provision/node1", "/fooservice/provision/node2",
				"/fooservice/provision");
		assertThat(this.template.exists("/fooservice/provision")).isFalse();
	}

	@Test
	void aMissingNodeIsNoNodeAndTheRootIsRefused() {
		assertThatExceptionOfType(ZkNoNodeException.class).isThrownBy(() -> this.template.deleteRecursive("/nope"))
			.satisfies((ex) -> assertThat(ex.getPath()).isEqualTo("/nope"));
		assertThatExceptionOfType(ZkInvalidPathException.class).isThrownBy(() -> this.template.deleteRecursive("/"))
			.withMessage("the root node / cannot be deleted");
	}

}
