package io.zkboot.watch;

import java.util.concurrent.Executor;

import org.apache.curator.framework.CuratorFramework;

/**
 * Opens live views of nodes, as zc.zk's {@code properties()} and {@code children()}; the
 * views' watches run on the shared watch pool.
 */
public class ZkViews {

	private final CuratorFramework client;

	private final Executor pool;

	/**
	 * Creates the factory.
	 * @param client a started client
	 * @param pool the pool watches read and call on
	 */
	public ZkViews(CuratorFramework client, Executor pool) {
		this.client = client;
		this.pool = pool;
	}

	/**
	 * Opens the properties of a node, kept current.
	 * @param path the node's path, possibly through symbolic links
	 * @return the view; close it when done
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	public PropertiesView properties(String path) {
		return properties(path, true);
	}

	/**
	 * Opens the properties of a node.
	 * @param path the node's path, possibly through symbolic links
	 * @param watch whether to keep the view current (without watching, callbacks are refused)
	 * @return the view; close it when done
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	public PropertiesView properties(String path, boolean watch) {
		PropertiesView view = new PropertiesView(this.client, path, this.pool);
		if (watch) {
			view.start();
		}
		else {
			view.read();
		}
		return view;
	}

	/**
	 * Opens the child names of a node, kept current.
	 * @param path the node's path, possibly through symbolic links
	 * @return the view; close it when done
	 * @throws io.zkboot.tree.NoSuchNodeException if the path leads nowhere
	 */
	public ChildrenView children(String path) {
		ChildrenView view = new ChildrenView(this.client, path, this.pool);
		view.start();
		return view;
	}

}
