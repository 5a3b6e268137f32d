package io.zkboot.watch;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

import io.zkboot.core.InvalidNodeDataException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.util.ReflectionUtils;

/**
 * One {@link ZkWatch @ZkWatch} method of one bean, ready to be called with what its watch
 * reads.
 */
final class WatchMethod implements WatchListener {

	private static final Log logger = LogFactory.getLog(WatchMethod.class);

	private final String beanName;

	private final Object bean;

	private final Method method;

	private final String path;

	private final WatchKind kind;

	private final WatchArguments arguments;

	WatchMethod(String beanName, Object bean, Method method, String path, WatchKind kind, WatchArguments arguments) {
		this.beanName = beanName;
		this.bean = bean;
		this.method = method;
		this.path = path;
		this.kind = kind;
		this.arguments = arguments;
		ReflectionUtils.makeAccessible(method);
	}

	String getPath() {
		return this.path;
	}

	WatchKind getKind() {
		return this.kind;
	}

	@Override
	public boolean onChange(NodeSnapshot snapshot) {
		try {
			Object result = this.method.invoke(this.bean, this.arguments.resolve(snapshot));
			return !Boolean.FALSE.equals(result);
		}
		catch (InvocationTargetException ex) {
			logger.error(describe() + " failed; the watch stays and calls it at the next change", ex.getTargetException());
		}
		catch (InvalidNodeDataException ex) {
			logger.error(describe() + " not called: " + ex.getMessage());
		}
		catch (IllegalAccessException | RuntimeException ex) {
			logger.error(describe() + " cannot be called", ex);
		}
		return true;
	}

	/**
	 * Names the bean, the method and the path, for messages.
	 * @return for example {@code @ZkWatch("/config") method Listener.changed on bean 'listener'}
	 */
	String describe() {
		return describe(this.beanName, this.method, this.path);
	}

	static String describe(String beanName, Method method, String path) {
		return "@ZkWatch(\"" + path + "\") method " + method.getDeclaringClass().getSimpleName() + "."
				+ method.getName() + " on bean '" + beanName + "'";
	}

}
