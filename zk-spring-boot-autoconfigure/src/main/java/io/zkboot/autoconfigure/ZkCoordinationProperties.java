package io.zkboot.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of locks, semaphores and elections, bound from {@code zk.coordination.*}.
 */
@ConfigurationProperties("zk.coordination")
public class ZkCoordinationProperties {

	/**
	 * Identifier stored in this application's lock, lease and election nodes, as kazoo's
	 * identifier: what contenders(), the current leader and the zkcoordination endpoint show.
	 * Defaults to zk.registry.instance-id when set, else the registration's instance id when
	 * the application registers itself, else HOST:PID.
	 */
	private @Nullable String identifier;

	/**
	 * Whether to interrupt a thread whose lock or lease is lost (its session ended or its node
	 * was deleted), so that blocking work under the lock stops.
	 */
	private boolean interruptOnLost = false;

	public @Nullable String getIdentifier() {
		return this.identifier;
	}

	public void setIdentifier(@Nullable String identifier) {
		this.identifier = identifier;
	}

	public boolean isInterruptOnLost() {
		return this.interruptOnLost;
	}

	public void setInterruptOnLost(boolean interruptOnLost) {
		this.interruptOnLost = interruptOnLost;
	}

}
