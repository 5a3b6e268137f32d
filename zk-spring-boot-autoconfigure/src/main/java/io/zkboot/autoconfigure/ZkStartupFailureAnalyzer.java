package io.zkboot.autoconfigure;

import io.zkboot.client.ZkStartupException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because ZooKeeper could not be reached.
 */
class ZkStartupFailureAnalyzer extends AbstractFailureAnalyzer<ZkStartupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZkStartupException cause) {
		return new FailureAnalysis(
				"No connection to ZooKeeper at '" + cause.getConnectString() + "' within "
						+ cause.getWait().toMillis() + " ms (zk.startup.wait).",
				"Start a ZooKeeper server there, set zk.connect-string to a reachable ensemble, set "
						+ "zk.embedded.enabled=true for an embedded server, or set zk.startup.fail-fast=false "
						+ "to start without a connection.",
				cause);
	}

}
