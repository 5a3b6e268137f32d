package io.zkboot.autoconfigure;

import io.zkboot.core.ZkConnectionLossException;
import io.zkboot.core.ZkOperationTimeoutException;
import io.zkboot.core.ZkSessionExpiredException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because a tree text of {@code zk.tree.import.locations} could
 * not be imported: because of the text, or because ZooKeeper went away during the import.
 */
class ZkTreeImportFailureAnalyzer extends AbstractFailureAnalyzer<ZkTreeImportFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZkTreeImportFailedException cause) {
		if (findCause(cause, ZkConnectionLossException.class) != null
				|| findCause(cause, ZkSessionExpiredException.class) != null
				|| findCause(cause, ZkOperationTimeoutException.class) != null) {
			return new FailureAnalysis(cause.getMessage(),
					"Make sure ZooKeeper stays reachable at zk.connect-string during startup, or set "
							+ "zk.startup.fail-fast=false to start without it and import at the first connection.",
					cause);
		}
		return new FailureAnalysis(cause.getMessage(),
				"Fix the tree text, remove it from zk.tree.import.locations, or set "
						+ "zk.tree.import.fail-on-error=false to log import failures and start anyway.",
				cause);
	}

}
