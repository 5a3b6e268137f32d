package io.zkboot.client;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.curator.framework.api.ACLProvider;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.data.ACL;

/**
 * The default ACL of the nodes the starter creates.
 */
public enum ZkAclMode {

	/**
	 * Anyone may do anything (world:anyone, ALL).
	 */
	OPEN,

	/**
	 * Only the authenticated creator may do anything (auth, ALL). Needs credentials.
	 */
	CREATOR_ALL,

	/**
	 * Anyone may read (world:anyone, READ); the authenticated creator, if the client has
	 * credentials, may do anything.
	 */
	READ_ONLY;

	/**
	 * The ACL this mode gives a new node (a list that tolerates ZooKeeper's null checks).
	 * @param authenticated whether the client has credentials
	 * @return the ACL
	 */
	public List<ACL> acl(boolean authenticated) {
		return switch (this) {
			case OPEN -> ZooDefs.Ids.OPEN_ACL_UNSAFE;
			case CREATOR_ALL -> {
				if (!authenticated) {
					throw new IllegalStateException("ACL mode CREATOR_ALL needs credentials (zk.auth.username)");
				}
				yield ZooDefs.Ids.CREATOR_ALL_ACL;
			}
			case READ_ONLY -> {
				List<ACL> acl = new ArrayList<>(ZooDefs.Ids.READ_ACL_UNSAFE);
				if (authenticated) {
					acl.addAll(ZooDefs.Ids.CREATOR_ALL_ACL);
				}
				yield Collections.unmodifiableList(acl);
			}
		};
	}

	/**
	 * A Curator ACL provider giving every new node this mode's ACL; two providers giving the
	 * same ACL are equal.
	 * @param authenticated whether the client has credentials
	 * @return the provider
	 */
	public ACLProvider provider(boolean authenticated) {
		return new ModeAcl(acl(authenticated));
	}

	/** Gives every node the same ACL; equal for equal ACLs. */
	private record ModeAcl(List<ACL> acl) implements ACLProvider {

		@Override
		public List<ACL> getDefaultAcl() {
			return this.acl;
		}

		@Override
		public List<ACL> getAclForPath(String path) {
			return this.acl;
		}

	}

	/**
	 * The mode used when none is configured: creator-all with credentials, open without.
	 * @param authenticated whether the client has credentials
	 * @return the default mode
	 */
	public static ZkAclMode defaultFor(boolean authenticated) {
		return authenticated ? CREATOR_ALL : OPEN;
	}

}
