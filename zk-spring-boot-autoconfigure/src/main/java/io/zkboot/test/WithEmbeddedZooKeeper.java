package io.zkboot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context an embedded ZooKeeper server: {@code zk.connect-string} is
 * set to a server started on first use and shared by every context of the test run (so
 * that cached contexts keep working), stopped when the JVM exits.
 * <p>
 * Tests sharing the server should use paths of their own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface WithEmbeddedZooKeeper {

}
