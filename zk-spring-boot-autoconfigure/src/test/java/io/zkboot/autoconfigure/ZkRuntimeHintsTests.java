package io.zkboot.autoconfigure;

import java.util.List;

import io.zkboot.actuate.ZkCoordinationEndpoint;
import io.zkboot.actuate.ZkTreeDescriptor;
import io.zkboot.coordination.ZkHeldLock;
import org.apache.zookeeper.client.ZKClientConfig;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.AotServices;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a native image needs from the ZooKeeper client, Curator, the embedded server and the
 * endpoints is registered, through {@code META-INF/spring/aot.factories}.
 */
class ZkRuntimeHintsTests {

	private final RuntimeHints hints = registered();

	private static RuntimeHints registered() {
		RuntimeHints hints = new RuntimeHints();
		AotServices.factories()
			.load(RuntimeHintsRegistrar.class)
			.forEach((registrar) -> registrar.registerHints(hints, ZkRuntimeHintsTests.class.getClassLoader()));
		return hints;
	}

	@Test
	void aotFactoriesListTheRegistrar() {
		assertThat(AotServices.factories().load(RuntimeHintsRegistrar.class).asList())
			.anySatisfy((registrar) -> assertThat(registrar).isInstanceOf(ZkRuntimeHints.class));
	}

	@Test
	void theClientSocketsNamedByZookeeperClientCnxnSocketCanBeCreated() throws Exception {
		for (String socket : List.of("org.apache.zookeeper.ClientCnxnSocketNIO",
				"org.apache.zookeeper.ClientCnxnSocketNetty")) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onConstructorInvocation(Class.forName(socket).getDeclaredConstructor(ZKClientConfig.class)))
				.accepts(this.hints);
		}
	}

	@Test
	void curatorFindsPersistentWatchesAndEnsembleAddresses() throws Exception {
		assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of("org.apache.zookeeper.AddWatchMode")))
			.accepts(this.hints);
		Class<?> addresses = Class.forName("org.apache.zookeeper.server.quorum.MultipleAddresses");
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ReflectionUtils.findMethod(addresses, "getReachableOrOne"))).accepts(this.hints);
	}

	@Test
	void theEmbeddedServersDefaultsCanBeCreated() throws Exception {
		for (String type : List.of("org.apache.zookeeper.server.NIOServerCnxnFactory",
				"org.apache.zookeeper.metrics.impl.DefaultMetricsProvider",
				"org.apache.zookeeper.server.watch.WatchManager")) {
			assertThat(RuntimeHintsPredicates.reflection()
				.onConstructorInvocation(Class.forName(type).getDeclaredConstructor())).accepts(this.hints);
		}
	}

	@Test
	void theEndpointsBodiesAreWrittenAsJson() {
		for (Class<?> body : List.of(ZkTreeDescriptor.class, ZkCoordinationEndpoint.Coordination.class,
				ZkCoordinationEndpoint.Election.class, ZkHeldLock.class)) {
			assertThat(RuntimeHintsPredicates.reflection().onType(body)).accepts(this.hints);
		}
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ReflectionUtils.findMethod(ZkTreeDescriptor.class, "children"))).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ReflectionUtils.findMethod(ZkHeldLock.class, "path"))).accepts(this.hints);
	}

}
