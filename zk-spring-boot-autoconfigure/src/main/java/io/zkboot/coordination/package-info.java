/**
 * Coordination on kazoo's node layouts: locks, read/write locks, semaphores, leader election,
 * {@code @ZkLocked} methods and leader-only lifecycles, interoperable with Python clients.
 */
@NullMarked
package io.zkboot.coordination;

import org.jspecify.annotations.NullMarked;
