package io.zkboot.test;

import io.zkboot.client.ZkConnectionDetails;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionDetailsFactory;
import org.springframework.boot.docker.compose.service.connection.DockerComposeConnectionSource;

/**
 * Spring Boot's Docker Compose support for a service running the {@code zookeeper} image (or
 * {@code bitnami/zookeeper}, or any service labelled
 * {@code org.springframework.boot.service-connection: zookeeper}): the client connects to the
 * host port mapped to the container's client port 2181.
 */
class ZkDockerComposeConnectionDetailsFactory extends DockerComposeConnectionDetailsFactory<ZkConnectionDetails> {

	private static final String[] ZOOKEEPER_IMAGES = { "zookeeper", "bitnami/zookeeper" };

	private static final int CLIENT_PORT = 2181;

	ZkDockerComposeConnectionDetailsFactory() {
		super(ZOOKEEPER_IMAGES);
	}

	@Override
	protected ZkConnectionDetails getDockerComposeConnectionDetails(DockerComposeConnectionSource source) {
		return new ZkDockerComposeConnectionDetails(source.getRunningService());
	}

	/**
	 * The service's host and the host port mapped to its client port.
	 */
	static final class ZkDockerComposeConnectionDetails extends DockerComposeConnectionDetails
			implements ZkConnectionDetails {

		private final String connectString;

		ZkDockerComposeConnectionDetails(RunningService service) {
			super(service);
			this.connectString = service.host() + ":" + service.ports().get(CLIENT_PORT);
		}

		@Override
		public String getConnectString() {
			return this.connectString;
		}

	}

}
