package io.zkboot.coordination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a bean method under the exclusive {@link ZkLock} at a path, across every instance of the
 * application (and any kazoo process using the same path). When the lock cannot be had within
 * {@link #waitFor()}, the method is skipped (it returns {@code null}, an empty {@code Optional}, or
 * zero/false for a primitive) or fails with {@link ZkLockTimeoutException}, as {@link #onBusy()}
 * says.
 *
 * <pre>{@code
 * @Scheduled(cron = "0 * * * * *")
 * @ZkLocked(path = "/locks/${spring.application.name}/nightly", holdAtLeast = "30s")
 * public void everyMinuteOnOneInstance() { ... }
 * }</pre>
 *
 * <p>On a scheduled method, {@link #holdAtLeast()} gives at-most-once per period even for jobs
 * that finish in milliseconds: the lock stays taken for that long after it was acquired, so an
 * instance whose trigger fires a moment later finds it held and skips. Choose it shorter than
 * the period and longer than the instances' clock and trigger skew. A holder that crashes frees
 * the lock when its session expires.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZkLocked {

	/**
	 * The lock's path; {@code ${...}} placeholders are resolved against the environment.
	 * @return the path
	 */
	String path();

	/**
	 * How long to wait for the lock, as a duration ({@code 500ms}, {@code 5s}, {@code PT1M});
	 * placeholders are resolved. {@code 0} tries once.
	 * @return the wait
	 */
	String waitFor() default "0";

	/**
	 * How long the lock stays taken at least, counted from when it was acquired, even when the
	 * method returns sooner. {@code 0} releases it when the method returns.
	 * @return the minimum hold, as a duration
	 */
	String holdAtLeast() default "0";

	/**
	 * What happens when the lock cannot be had in time.
	 * @return skip the call, or fail it
	 */
	Busy onBusy() default Busy.SKIP;

	/**
	 * What a {@link ZkLocked} method does when the lock is held elsewhere.
	 */
	enum Busy {

		/** The method is not run; the call returns {@code null}, empty or zero. */
		SKIP,

		/** The call throws {@link ZkLockTimeoutException}. */
		FAIL

	}

}
