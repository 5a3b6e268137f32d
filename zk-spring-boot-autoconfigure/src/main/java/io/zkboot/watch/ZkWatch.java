package io.zkboot.watch;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.aot.hint.annotation.Reflective;
import org.springframework.core.annotation.AliasFor;

/**
 * Calls a bean method with the state of a ZooKeeper node: once at startup, then after every
 * change, as kazoo's {@code DataWatch} and {@code ChildrenWatch} do.
 *
 * <p>Calls come one at a time, in order, on a thread of the watch pool (never ZooKeeper's event
 * thread). Changes made while a call runs are coalesced: the next call sees the latest state.
 * After the session is lost and a new one starts, the method is called again with the current
 * state.
 *
 * <p>A data watch's parameters may be, in any order: {@code byte[]} (the data), {@code String}
 * (the data as UTF-8), {@code Map} (the node's properties, decoded as zc.zk does),
 * {@link org.apache.zookeeper.data.Stat}, or any other type, bound from the data by Jackson. A
 * children watch's parameters may be {@code List<String>} (the child names, sorted) and
 * {@code Stat}. A node that does not exist gives {@code null} (empty for a map or a list), and
 * the method is called again when it appears. A method returning {@code false} is not called
 * again.
 *
 * <pre class="code">
 * &#64;ZkWatch("/config/${spring.application.name}")
 * void configChanged(Map&lt;String, Object&gt; properties, Stat stat) { ... }
 *
 * &#64;ZkWatch(path = "/services/billing/providers", children = true)
 * void providersChanged(List&lt;String&gt; providers) { ... }
 * </pre>
 *
 * <p>For a native image, the method and the types bound from the data are registered for
 * reflection by {@link ZkWatchReflectiveProcessor}.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Reflective(ZkWatchReflectiveProcessor.class)
public @interface ZkWatch {

	/**
	 * The node's path; {@code ${...}} placeholders are resolved.
	 * @return the path
	 */
	@AliasFor("path")
	String value() default "";

	/**
	 * The node's path; {@code ${...}} placeholders are resolved.
	 * @return the path
	 */
	@AliasFor("value")
	String path() default "";

	/**
	 * Whether to watch the node's children instead of its data.
	 * @return true for a children watch
	 */
	boolean children() default false;

}
