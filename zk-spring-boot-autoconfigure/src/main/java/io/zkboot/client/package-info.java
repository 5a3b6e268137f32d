/**
 * The connection to ZooKeeper: the client settings mapped from {@code zk.*} ({@code ZkProperties},
 * {@code ZkConnectionDetails}, TLS, ACL and authentication), the connection state model and its
 * Spring events, and the startup policy (wait for a connection, or start degraded).
 */
@NullMarked
package io.zkboot.client;

import org.jspecify.annotations.NullMarked;
