package io.zkboot.autoconfigure;

import io.zkboot.client.ZkStartupException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * Explains a startup that failed because ZooKeeper could not be reached. The embedded server
 * is not suggested when {@code zk.connect-string} is set (it would be ignored); where the
 * environment is not known (a failure while configuration is loaded), the suggestion says so.
 */
class ZkStartupFailureAnalyzer extends AbstractFailureAnalyzer<ZkStartupException> {

	private final @Nullable Environment environment;

	/**
	 * Creates the analyzer.
	 * @param environment the application's environment, {@code null} when the failure came
	 * before the application context
	 */
	ZkStartupFailureAnalyzer(@Nullable Environment environment) {
		this.environment = environment;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ZkStartupException cause) {
		boolean connectStringSet = this.environment != null && this.environment.containsProperty("zk.connect-string");
		String action = connectStringSet
				? "Start a ZooKeeper server at " + cause.getConnectString()
						+ ", correct zk.connect-string, or set zk.startup.fail-fast=false to start without a connection."
				: "Start a ZooKeeper server at " + cause.getConnectString()
						+ ", set zk.connect-string to a reachable ensemble, set zk.embedded.enabled=true for an "
						+ "embedded server" + ((this.environment != null) ? "" : " (it is ignored when zk.connect-string is set)")
						+ ", or set zk.startup.fail-fast=false to start without a connection.";
		return new FailureAnalysis(cause.getMessage() + ".", action, cause);
	}

}
