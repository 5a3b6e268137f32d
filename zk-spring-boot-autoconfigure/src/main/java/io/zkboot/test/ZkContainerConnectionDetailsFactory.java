package io.zkboot.test;

import io.zkboot.client.ZkConnectionDetails;
import org.testcontainers.containers.Container;

import org.springframework.boot.testcontainers.service.connection.ContainerConnectionDetailsFactory;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.testcontainers.service.connection.ContainerConnectionSource;

/**
 * {@code @ServiceConnection} for a Testcontainers container running the {@code zookeeper}
 * image: the client connects to its mapped client port 2181, without credentials or TLS.
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

		/**
		 * No TLS: the client connects to the plain client port, so the container's
		 * {@code @Ssl...} annotations are not applied.
		 * @return {@code null}
		 */
		@Override
		public SslBundle getSslBundle() {
			return null;
		}

	}

}
