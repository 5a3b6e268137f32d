package io.zkboot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed because a tree text of {@code zk.tree.import.locations} could
 * not be imported.
 */
class ZkTreeImportFailureAnalyzer extends AbstractFailureAnalyzer<ZkTreeImportFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZkTreeImportFailedException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Fix the tree text, remove it from zk.tree.import.locations, or set "
						+ "zk.tree.import.fail-on-error=false to log import failures and start anyway.",
				cause);
	}

}
