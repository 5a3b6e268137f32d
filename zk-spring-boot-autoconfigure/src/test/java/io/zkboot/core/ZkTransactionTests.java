package io.zkboot.core;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ZkTransactionTests extends ZkServerSupport {

	@Test
	void operationsAreCommittedTogetherWithEachOutcome() {
		this.template.create("/a", bytes("1"));
		this.template.create("/gone", null);
		this.template.ensurePath("/q");
		List<ZkOperationResult> results = this.template.transaction()
			.check("/a", 0)
			.create("/b", bytes("B"))
			.create("/q/n-", null, CreateOptions.persistent().withSequential())
			.set("/a", bytes("2"), 0)
			.delete("/gone")
			.commit();
		assertThat(results).extracting(ZkOperationResult::type)
			.containsExactly(ZkOperationResult.Type.CHECK, ZkOperationResult.Type.CREATE,
					ZkOperationResult.Type.CREATE, ZkOperationResult.Type.SET, ZkOperationResult.Type.DELETE);
		assertThat(results.get(1).resultPath()).isEqualTo("/b");
		assertThat(results.get(2).resultPath()).isEqualTo("/q/n-0000000000");
		assertThat(results.get(3).stat().getVersion()).isEqualTo(1);
		assertThat(this.template.get("/a").dataAsString()).isEqualTo("2");
		assertThat(this.template.exists("/gone")).isFalse();
	}

	@Test
	void aFailedTransactionSaysWhichOperationFailedAndLeavesNothingVisible() throws Exception {
		this.template.create("/a", bytes("1"));
		ZkTransaction transaction = this.template.transaction()
			.create("/new", bytes("N"))
			.set("/a", bytes("2"))
			.check("/a", 5)
			.delete("/a");
		assertThatExceptionOfType(ZkTransactionException.class).isThrownBy(transaction::commit).satisfies((ex) -> {
			assertThat(ex.getFailedIndex()).isEqualTo(2);
			assertThat(ex.getFailedOperation()).isEqualTo("check /a version 5");
			assertThat(ex.getPath()).isEqualTo("/a");
			assertThat(ex.getCode()).isEqualTo(KeeperException.Code.BADVERSION);
			assertThat(ex.getCause()).isInstanceOf(ZkBadVersionException.class);
			assertThat(ex).hasMessage("transaction failed at operation 2 (check /a version 5): "
					+ "bad version (the node's version is not the expected one): /a");
		});
		CuratorFramework other = newClient();
		try {
			ZkTemplate observer = new ZkTemplate(other);
			other.sync().forPath("/");
			assertThat(observer.exists("/new")).isFalse();
			ZkNode a = observer.get("/a");
			assertThat(a.dataAsString()).isEqualTo("1");
			assertThat(a.stat().getVersion()).isZero();
		}
		finally {
			other.close();
		}
	}

	@Test
	void aCreateOfAnExistingNodeFailsTheTransaction() {
		this.template.create("/a", null);
		assertThatExceptionOfType(ZkTransactionException.class)
			.isThrownBy(() -> this.template.transaction().create("/b", null).create("/a", null).commit())
			.satisfies((ex) -> {
				assertThat(ex.getFailedIndex()).isEqualTo(1);
				assertThat(ex.getCause()).isInstanceOf(ZkNodeExistsException.class);
			});
		assertThat(this.template.exists("/b")).isFalse();
	}

	@Test
	void invalidPathsAndMakeParentsAreRejectedWhenQueued() {
		assertThatExceptionOfType(ZkInvalidPathException.class)
			.isThrownBy(() -> this.template.transaction().delete("no-slash"));
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(
				() -> this.template.transaction().create("/x/y", null, CreateOptions.persistent().withMakeParents()));
	}

}
