package io.zkboot.coordination;

import java.lang.reflect.Array;
import java.lang.reflect.Method;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.core.annotation.AnnotatedElementUtils;

/**
 * Runs {@link ZkLocked} methods under their lock.
 */
final class ZkLockedMethodInterceptor implements MethodInterceptor {

	private static final Log logger = LogFactory.getLog(ZkLockedMethodInterceptor.class);

	private final Supplier<ZkLocks> locks;

	private final Function<String, String> placeholders;

	private final Map<Method, Settings> settings = new ConcurrentHashMap<>();

	ZkLockedMethodInterceptor(Supplier<ZkLocks> locks, Function<String, String> placeholders) {
		this.locks = locks;
		this.placeholders = placeholders;
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Method method = invocation.getMethod();
		Class<?> targetClass = (invocation.getThis() != null) ? AopUtils.getTargetClass(invocation.getThis()) : null;
		Settings settings = this.settings.computeIfAbsent(method, (m) -> settings(m, targetClass));
		ZkLock lock = this.locks.get().lock(settings.path);
		if (!lock.tryLock(settings.waitFor.toNanos(), TimeUnit.NANOSECONDS)) {
			if (settings.onBusy == ZkLocked.Busy.FAIL) {
				throw new ZkLockTimeoutException("Could not acquire the lock at " + settings.path + " within "
						+ settings.waitFor + " for " + method.getDeclaringClass().getSimpleName() + "." + method.getName(),
						settings.path);
			}
			if (logger.isDebugEnabled()) {
				logger.debug("Skipped " + method + ": the lock at " + settings.path + " is held elsewhere");
			}
			return skipped(method.getReturnType());
		}
		Instant acquired = Instant.now();
		try {
			return invocation.proceed();
		}
		finally {
			if (settings.holdAtLeast.isZero()) {
				lock.unlock();
			}
			else {
				lock.unlockNotBefore(acquired.plus(settings.holdAtLeast));
			}
		}
	}

	/**
	 * Resolve every {@link ZkLocked} method of a class now, so a bad path or duration fails
	 * the application's start, naming the method, instead of its first call.
	 */
	void validate(Class<?> beanClass) {
		org.springframework.util.ReflectionUtils.doWithMethods(beanClass,
				(method) -> this.settings.computeIfAbsent(method, (m) -> settings(m, beanClass)),
				(method) -> AnnotatedElementUtils.hasAnnotation(method, ZkLocked.class));
	}

	private Settings settings(Method method, @Nullable Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		ZkLocked locked = AnnotatedElementUtils.findMergedAnnotation(specific, ZkLocked.class);
		if (locked == null) {
			locked = AnnotatedElementUtils.findMergedAnnotation(method, ZkLocked.class);
		}
		String where = "@ZkLocked on " + specific.getDeclaringClass().getName() + "." + specific.getName();
		String path = this.placeholders.apply(locked.path());
		if (path == null || !path.startsWith("/")) {
			throw new IllegalStateException(where + ": path must be an absolute ZooKeeper path, was '" + path + "'");
		}
		return new Settings(path, duration(where, "waitFor", locked.waitFor()),
				duration(where, "holdAtLeast", locked.holdAtLeast()), locked.onBusy());
	}

	private Duration duration(String where, String attribute, String text) {
		String resolved = this.placeholders.apply(text);
		try {
			Duration duration = DurationStyle.detectAndParse(resolved);
			if (duration.isNegative()) {
				throw new IllegalArgumentException("negative");
			}
			return duration;
		}
		catch (RuntimeException ex) {
			throw new IllegalStateException(where + ": " + attribute + " '" + resolved
					+ "' is not a duration (such as 500ms, 5s or PT1M)", ex);
		}
	}

	/** What a skipped call returns: empty, or a primitive's zero. */
	private static @Nullable Object skipped(Class<?> type) {
		if (type == Optional.class) {
			return Optional.empty();
		}
		return (type.isPrimitive() && type != void.class) ? Array.get(Array.newInstance(type, 1), 0) : null;
	}

	private record Settings(String path, Duration waitFor, Duration holdAtLeast, ZkLocked.Busy onBusy) {
	}

}
