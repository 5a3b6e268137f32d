/**
 * kazoo's other recipes on kazoo's node layouts: barriers, double barriers, counters, leases,
 * queues, parties and the set partitioner, created by {@code ZkRecipes}.
 */
@NullMarked
package io.zkboot.coordination.recipe;

import org.jspecify.annotations.NullMarked;
