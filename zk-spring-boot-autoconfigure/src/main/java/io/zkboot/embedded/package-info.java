/**
 * An embedded ZooKeeper server, for the sample application, local development and tests.
 */
@NullMarked
package io.zkboot.embedded;

import org.jspecify.annotations.NullMarked;
