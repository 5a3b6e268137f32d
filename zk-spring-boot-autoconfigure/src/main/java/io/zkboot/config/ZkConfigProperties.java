package io.zkboot.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of configuration loaded from ZooKeeper ({@code spring.config.import=zk:/path}),
 * bound by the auto-configuration and, for the default contexts of {@code zk:} without a
 * path, by the config-data import.
 */
@ConfigurationProperties("zk.config")
public class ZkConfigProperties {

	/**
	 * Whether to watch the imported nodes and update the environment, and re-bind the
	 * configuration properties beans, when they change.
	 */
	private boolean watch = true;

	/**
	 * Node under which "zk:" without a path finds its default contexts: "application",
	 * the application's name (spring.application.name) and their profile variants.
	 */
	private String root = "/config";

	/**
	 * Separator between a default context's name and a profile in the node's name, as in
	 * "/config/myapp,dev".
	 */
	private String profileSeparator = ",";

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

	/**
	 * The node holding the default contexts.
	 * @return an absolute path, {@code /config} by default
	 */
	public String getRoot() {
		return this.root;
	}

	/**
	 * Sets the node holding the default contexts.
	 * @param root a path; a missing leading {@code /} is added, a trailing one removed
	 */
	public void setRoot(String root) {
		String absolute = root.startsWith("/") ? root : "/" + root;
		this.root = (absolute.length() > 1 && absolute.endsWith("/")) ? absolute.substring(0, absolute.length() - 1)
				: absolute;
	}

	/**
	 * The separator between a context's name and a profile.
	 * @return {@code ,} by default
	 */
	public String getProfileSeparator() {
		return this.profileSeparator;
	}

	/**
	 * Sets the separator between a context's name and a profile.
	 * @param profileSeparator the separator
	 */
	public void setProfileSeparator(String profileSeparator) {
		this.profileSeparator = profileSeparator;
	}

}
