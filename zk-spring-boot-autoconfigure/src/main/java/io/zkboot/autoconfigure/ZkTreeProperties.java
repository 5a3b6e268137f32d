package io.zkboot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.zkboot.client.ZkAclMode;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the tree support, bound from {@code zk.tree.*}.
 */
@ConfigurationProperties("zk.tree")
public class ZkTreeProperties {

	/**
	 * Tree texts imported at startup.
	 */
	private final Import importing = new Import();

	public Import getImport() {
		return this.importing;
	}

	/**
	 * Tree texts (zc.zk's format) imported while the application starts, before it is
	 * ready: after every singleton bean is created, before the context starts (web server,
	 * runners, ApplicationReadyEvent).
	 */
	public static class Import {

		/**
		 * Whether to import the tree texts found at the locations.
		 */
		private boolean enabled = true;

		/**
		 * Resource patterns of the tree texts, imported in this order; the resources one
		 * pattern finds are imported in file-name order, for example
		 * "classpath*:zk/*.tree". None by default.
		 */
		private List<String> locations = new ArrayList<>();

		/**
		 * Path under which the texts' top-level nodes are created. It must exist; it is
		 * never changed or trimmed.
		 */
		private String basePath = "/";

		/**
		 * Whether to delete existing nodes that a text does not list (never ephemeral
		 * nodes, nodes holding ephemeral nodes, or the texts' top-level nodes). When false,
		 * such nodes are kept and logged as "extra path not trimmed".
		 */
		private boolean trim = false;

		/**
		 * Whether to only log what the import would add, change and delete, writing
		 * nothing.
		 */
		private boolean dryRun = false;

		/**
		 * Whether a text that cannot be imported (bad syntax, a link refused, a refused
		 * write) stops the application. When false, the failure is
		 * logged and the next text is imported.
		 */
		private boolean failOnError = true;

		/**
		 * Whether a symbolic link to no node, a property link to no property or a link loop
		 * is refused (nothing is written). When false, such links are imported with a
		 * warning, as zc.zk imports them.
		 */
		private boolean strictLinks = false;

		/**
		 * ACL of the nodes the import creates. When unset, the client's default ACL
		 * (zk.acl.mode).
		 */
		private @Nullable ZkAclMode acl;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public List<String> getLocations() {
			return this.locations;
		}

		public void setLocations(List<String> locations) {
			this.locations = locations;
		}

		public String getBasePath() {
			return this.basePath;
		}

		public void setBasePath(String basePath) {
			this.basePath = basePath;
		}

		public boolean isTrim() {
			return this.trim;
		}

		public void setTrim(boolean trim) {
			this.trim = trim;
		}

		public boolean isDryRun() {
			return this.dryRun;
		}

		public void setDryRun(boolean dryRun) {
			this.dryRun = dryRun;
		}

		public boolean isFailOnError() {
			return this.failOnError;
		}

		public void setFailOnError(boolean failOnError) {
			this.failOnError = failOnError;
		}

		public boolean isStrictLinks() {
			return this.strictLinks;
		}

		public void setStrictLinks(boolean strictLinks) {
			this.strictLinks = strictLinks;
		}

		public @Nullable ZkAclMode getAcl() {
			return this.acl;
		}

		public void setAcl(@Nullable ZkAclMode acl) {
			this.acl = acl;
		}

	}

}
