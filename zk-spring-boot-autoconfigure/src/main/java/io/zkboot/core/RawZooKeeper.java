package io.zkboot.core;

import java.util.List;

import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.ACLProvider;
import org.apache.curator.utils.ZKPaths;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.data.ACL;
import org.jspecify.annotations.Nullable;

/**
 * The raw ZooKeeper under the template's Curator client, for pipelined asynchronous calls: the
 * current handle, the mapping of the template's paths to the server's (Curator's namespace) and
 * back, and the ACLs of new nodes (explicit, else the ACL provider's).
 */
final class RawZooKeeper {

	private final CuratorFramework client;

	private final ACLProvider aclProvider;

	RawZooKeeper(CuratorFramework client, ACLProvider aclProvider) {
		this.client = client;
		this.aclProvider = aclProvider;
	}

	CuratorFramework client() {
		return this.client;
	}

	/**
	 * Returns the current ZooKeeper handle, waiting for a connection up to Curator's connection
	 * timeout.
	 */
	ZooKeeper zooKeeper() {
		try {
			if (!this.client.getZookeeperClient().blockUntilConnectedOrTimedOut()) {
				throw ZkExceptionTranslator.translate(KeeperException.Code.CONNECTIONLOSS, null, null);
			}
			return this.client.getZookeeperClient().getZooKeeper();
		}
		catch (Exception ex) {
			throw ZkExceptionTranslator.translate(ex, null);
		}
	}

	/** Maps a template path to the server path (adds Curator's namespace). */
	String toServer(String path) {
		String namespace = this.client.getNamespace();
		return (namespace == null || namespace.isEmpty()) ? path : ZKPaths.fixForNamespace(namespace, path);
	}

	/** Maps a server path back to a template path (strips Curator's namespace). */
	String fromServer(String serverPath) {
		String namespace = this.client.getNamespace();
		if (namespace == null || namespace.isEmpty()) {
			return serverPath;
		}
		String prefix = ZKPaths.makePath("/", namespace);
		return serverPath.equals(prefix) ? ZkPath.ROOT : serverPath.substring(prefix.length());
	}

	/** Returns the ACL for a new node at a server path: the explicit one, else the provider's. */
	List<ACL> aclFor(String serverPath, @Nullable List<ACL> explicit) {
		if (explicit != null) {
			return explicit;
		}
		List<ACL> acl = this.aclProvider.getAclForPath(serverPath);
		return (acl != null) ? acl : this.aclProvider.getDefaultAcl();
	}

}
