package io.zkboot.test;

import io.zkboot.embedded.EmbeddedZooKeeper;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension giving a test class its own embedded ZooKeeper server, started
 * before the first test and stopped after the last:
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();
 * </pre>
 *
 * Test methods may also take the {@link EmbeddedZooKeeper} as a parameter. For Spring
 * tests, {@link WithEmbeddedZooKeeper @WithEmbeddedZooKeeper} wires the connect string
 * into the context.
 */
public class EmbeddedZooKeeperExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {

	private @Nullable EmbeddedZooKeeper server;

	@Override
	public void beforeAll(ExtensionContext context) {
		this.server = EmbeddedZooKeeper.start();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (this.server != null) {
			this.server.close();
			this.server = null;
		}
	}

	/**
	 * The running server.
	 * @return the server
	 * @throws IllegalStateException outside the test class's lifetime
	 */
	public EmbeddedZooKeeper getServer() {
		if (this.server == null) {
			throw new IllegalStateException("The embedded ZooKeeper server runs only while the test class runs");
		}
		return this.server;
	}

	/**
	 * Where clients connect.
	 * @return the connect string
	 */
	public String getConnectString() {
		return getServer().getConnectString();
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == EmbeddedZooKeeper.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return getServer();
	}

}
