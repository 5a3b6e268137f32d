package io.zkboot.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of configuration loaded from ZooKeeper ({@code spring.config.import=zk:/path}).
 */
@ConfigurationProperties("zk.config")
public class ZkConfigProperties {

	/**
	 * Whether to watch the imported nodes and update the environment, and re-bind the
	 * configuration properties beans, when they change.
	 */
	private boolean watch = true;

	/**
	 * Whether imported nodes are watched.
	 * @return true by default
	 */
	public boolean isWatch() {
		return this.watch;
	}

	/**
	 * Sets whether imported nodes are watched.
	 * @param watch false to load them once
	 */
	public void setWatch(boolean watch) {
		this.watch = watch;
	}

}
