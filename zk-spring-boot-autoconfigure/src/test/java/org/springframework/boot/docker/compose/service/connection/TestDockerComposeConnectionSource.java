package org.springframework.boot.docker.compose.service.connection;

import org.springframework.boot.docker.compose.core.RunningService;
import org.springframework.core.env.Environment;

/**
 * Makes the {@link DockerComposeConnectionSource} Spring Boot's Docker Compose support gives
 * connection details factories for a running service (its constructor is package-private).
 */
public final class TestDockerComposeConnectionSource {

	private TestDockerComposeConnectionSource() {
	}

	/**
	 * The source Boot makes for a running service.
	 * @param service the service
	 * @param environment the application's environment
	 * @return the source
	 */
	public static DockerComposeConnectionSource of(RunningService service, Environment environment) {
		return new DockerComposeConnectionSource(service, environment);
	}

}
