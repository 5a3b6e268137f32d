/**
 * Spring Cloud Commons service discovery on ZooKeeper: {@code ZkServiceRegistry}, automatic
 * registration of the application, and the blocking and reactive {@code DiscoveryClient}s, on
 * zc.zk's node layout for providers.
 */
@NullMarked
package io.zkboot.discovery;

import org.jspecify.annotations.NullMarked;
