/**
 * The ZooKeeper template: {@code ZkTemplate} for reads, writes, transactions, pipelined subtree
 * reads and recursive deletes, {@code ZkRetry}, node properties in zc.zk's JSON form, and one
 * exception hierarchy ({@code ZkException}) that every package translates ZooKeeper's errors to.
 */
@NullMarked
package io.zkboot.core;

import org.jspecify.annotations.NullMarked;
