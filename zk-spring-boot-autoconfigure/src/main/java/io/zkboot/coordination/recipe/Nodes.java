package io.zkboot.coordination.recipe;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.zkboot.core.ZkException;
import io.zkboot.core.ZkExceptionTranslator;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.KeeperException;

/**
 * What the recipes do alike: kazoo's {@code ensure_path} (missing nodes created persistent with
 * empty data), its uuid prefixes, UTF-8, and translation of failures into the starter's exceptions.
 */
final class Nodes {

	static final byte[] EMPTY = new byte[0];

	private Nodes() {
	}

	/** Creates the node and its missing parents with empty data, as kazoo's {@code ensure_path}. */
	static void ensurePath(CuratorFramework client, String path) throws Exception {
		if (client.checkExists().forPath(path) == null) {
			try {
				client.create().creatingParentsIfNeeded().forPath(path, EMPTY);
			}
			catch (KeeperException.NodeExistsException ex) {
				// created by another participant meanwhile
			}
		}
	}

	/** A random uuid as 32 lower-case hex digits, Python's {@code uuid.uuid4().hex}. */
	static String uuidHex() {
		return UUID.randomUUID().toString().replace("-", "");
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	static String utf8(byte[] data) {
		return new String(data, StandardCharsets.UTF_8);
	}

	static String child(String parent, String name) {
		return parent.equals("/") ? "/" + name : parent + "/" + name;
	}

	/**
	 * Translates a failure; an interrupt is rethrown as it is, so blocking calls keep Java's
	 * contract.
	 */
	static ZkException failure(Exception ex, String path) throws InterruptedException {
		if (ex instanceof InterruptedException interrupted) {
			throw interrupted;
		}
		return ZkExceptionTranslator.translate(ex, path);
	}

	/** Translates a failure of a call that does not block. */
	static ZkException translate(Exception ex, String path) {
		return ZkExceptionTranslator.translate(ex, path);
	}

	/** Validates a path as ZooKeeper would, with a message naming the recipe. */
	static String checkPath(String path, String recipe) {
		if (path == null || !path.startsWith("/") || (path.length() > 1 && path.endsWith("/"))) {
			throw new IllegalArgumentException(recipe + " path must be absolute and not end with '/': " + path);
		}
		return path;
	}

}
