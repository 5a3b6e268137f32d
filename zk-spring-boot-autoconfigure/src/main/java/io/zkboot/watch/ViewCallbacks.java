package io.zkboot.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The callbacks registered on a live view. A callback that throws is logged with the view's
 * path and the callback, and stays registered, as a {@link ZkWatch @ZkWatch} method and a
 * {@link NodeWatch} listener do (zc.zk drops it).
 *
 * @param <V> the view type
 */
final class ViewCallbacks<V> {

	private static final Log logger = LogFactory.getLog(ViewCallbacks.class);

	private final String path;

	private final List<Consumer<? super V>> callbacks = new CopyOnWriteArrayList<>();

	/**
	 * Creates the callbacks of a view.
	 * @param path the path the view was opened with, for messages (never its data)
	 */
	ViewCallbacks(String path) {
		this.path = path;
	}

	/**
	 * Registers a callback and calls it at once with the view.
	 * @param callback the callback
	 * @param view the view
	 */
	void add(Consumer<? super V> callback, V view) {
		this.callbacks.add(callback);
		call(callback, view);
	}

	/**
	 * Calls every callback with the view.
	 * @param view the view
	 */
	void callAll(V view) {
		this.callbacks.forEach((callback) -> call(callback, view));
	}

	private void call(Consumer<? super V> callback, V view) {
		try {
			callback.accept(view);
		}
		catch (RuntimeException ex) {
			logger.error("Callback " + callback + " on the view of " + this.path
					+ " failed; it stays registered and is called at the next change", ex);
		}
	}

}
