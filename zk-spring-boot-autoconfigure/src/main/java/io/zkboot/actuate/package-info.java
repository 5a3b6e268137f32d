/**
 * Actuator support for ZooKeeper: the {@code zktree} and coordination endpoints, the health
 * indicator and the Micrometer metrics of the connection and of the template's calls.
 */
@NullMarked
package io.zkboot.actuate;

import org.jspecify.annotations.NullMarked;
