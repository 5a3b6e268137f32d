package io.zkboot.coordination;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link org.springframework.context.SmartLifecycle} bean (its class or its
 * {@code @Bean} method) that runs only while this application leads the election of
 * {@code zk.leader.*}: it is not started with the context, but when leadership is granted, and
 * stopped when it is revoked.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ZkLeaderOnly {

}
