package io.zkboot.test;

import io.zkboot.client.ZkConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for a Testcontainers container running the {@code zookeeper}
 * image: the client connects to its mapped client port 2181.
 */
class ZkContainerConnectionDetailsFactory
		extends ContainerConnectionDetailsFactory<Container<?>, ZkConnectionDetails> {

	private static final int CLIENT_PORT = 2181;

	ZkContainerConnectionDetailsFactory() {
		super("zookeeper");
	}

	@Override
	protected ZkConnectionDetails getContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
		return new ZkContainerConnectionDetails(source);
	}

	/**
	 * The container's host and mapped client port.
	 */
	static final class ZkContainerConnectionDetails extends ContainerConnectionDetails<Container<?>>
			implements ZkConnectionDetails {

		ZkContainerConnectionDetails(ContainerConnectionSource<Container<?>> source) {
			super(source);
		}

		@Override
		public String getConnectString() {
			return getContainer().getHost() + ":" + getContainer().getMappedPort(CLIENT_PORT);
		}

	}

}
