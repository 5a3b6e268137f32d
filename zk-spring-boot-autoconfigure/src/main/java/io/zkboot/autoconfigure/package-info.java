/**
 * Auto-configuration for ZooKeeper: the {@code @AutoConfiguration} classes that build the Curator
 * client, {@code ZkTemplate}, {@code ZkTree}, watches, config, discovery, coordination and actuator
 * beans from {@code zk.*}, their {@code @ConfigurationProperties}, and the failure analyzers
 * that explain a failed start.
 */
@NullMarked
package io.zkboot.autoconfigure;

import org.jspecify.annotations.NullMarked;
