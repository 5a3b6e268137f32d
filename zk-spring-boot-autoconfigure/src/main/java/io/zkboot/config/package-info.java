/**
 * ZooKeeper nodes as Spring configuration: {@code spring.config.import=zk:} reads node properties
 * (through their property links) into {@code PropertySource}s, and the refresher watches them,
 * publishes {@code ZkConfigChangedEvent}s and rebinds {@code @ConfigurationProperties} beans and
 * log levels.
 */
@NullMarked
package io.zkboot.config;

import org.jspecify.annotations.NullMarked;
