package io.zkboot.watch;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The callbacks registered on a live view. As in zc.zk, a callback that throws is logged and
 * dropped.
 *
 * @param <V> the view type
 */
final class ViewCallbacks<V> {

	private static final Log logger = LogFactory.getLog(ViewCallbacks.class);

	private final List<Consumer<? super V>> callbacks = new CopyOnWriteArrayList<>();

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
			logger.error("Callback on " + view + " failed; it is dropped", ex);
			this.callbacks.remove(callback);
		}
	}

}
