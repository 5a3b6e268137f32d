package io.zkboot.core;

import org.apache.zookeeper.common.PathUtils;

/**
 * Path helpers: validation before a call goes out, and joining a parent with a child name.
 */
public final class ZkPath {

	/** The root path. */
	public static final String ROOT = "/";

	private ZkPath() {
	}

	/**
	 * Checks a path with ZooKeeper's own rules.
	 * @param path the path
	 * @return the path, for chaining
	 * @throws ZkInvalidPathException naming the path and the reason when it is invalid
	 */
	public static String validate(String path) {
		return validate(path, false);
	}

	/**
	 * Checks a path with ZooKeeper's own rules.
	 * @param path the path
	 * @param sequential whether it is the prefix of a sequential node (which may end in {@code /})
	 * @return the path, for chaining
	 * @throws ZkInvalidPathException naming the path and the reason when it is invalid
	 */
	public static String validate(String path, boolean sequential) {
		if (path == null) {
			throw new ZkInvalidPathException("invalid path: the path is null", null, null);
		}
		try {
			PathUtils.validatePath(path, sequential);
		}
		catch (IllegalArgumentException ex) {
			throw new ZkInvalidPathException("invalid path '" + path + "': " + ex.getMessage(), path, ex);
		}
		return path;
	}

	/**
	 * Joins a parent path and a child name.
	 * @param parent the parent path
	 * @param name the child's name
	 * @return {@code /name} for the root, else {@code parent/name}
	 */
	public static String child(String parent, String name) {
		return ROOT.equals(parent) ? ROOT + name : parent + "/" + name;
	}

	/**
	 * Returns the parent of a path.
	 * @param path a valid path other than the root
	 * @return the parent path ({@code /} for a top-level node)
	 */
	public static String parent(String path) {
		int slash = path.lastIndexOf('/');
		return (slash == 0) ? ROOT : path.substring(0, slash);
	}

	/**
	 * Returns the last segment of a path.
	 * @param path a valid path
	 * @return the node's name ({@code ""} for the root)
	 */
	public static String name(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
