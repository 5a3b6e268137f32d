package io.zkboot.autoconfigure;

import java.util.List;

import io.zkboot.actuate.ZkCoordinationEndpoint;
import io.zkboot.actuate.ZkTreeDescriptor;
import io.zkboot.coordination.ZkHeldLock;
import org.apache.zookeeper.ZooKeeper;
import org.apache.zookeeper.client.ZKClientConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.ExecutableMode;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * Hints for a native image (registered in {@code META-INF/spring/aot.factories}): what the
 * ZooKeeper client, Curator and the embedded server load by name, and what the endpoints write
 * as JSON but do not declare as their return type.
 *
 * <p>{@code @ZkWatch} methods and the types they bind are registered by
 * {@link io.zkboot.watch.ZkWatchReflectiveProcessor}; the endpoints' declared return types by
 * Spring Boot's own endpoint processing ({@code @ReadOperation} is {@code @Reflective}).
 */
public class ZkRuntimeHints implements RuntimeHintsRegistrar {

	/** {@code zookeeper.clientCnxnSocket}: created with {@code Class.forName} and a {@link ZKClientConfig}. */
	static final List<String> CLIENT_SOCKETS = List.of("org.apache.zookeeper.ClientCnxnSocketNIO",
			"org.apache.zookeeper.ClientCnxnSocketNetty");

	/** Looked up by name by Curator's {@code Compatibility} (persistent watches, ensemble tracking). */
	static final String ADD_WATCH_MODE = "org.apache.zookeeper.AddWatchMode";

	static final String MULTIPLE_ADDRESSES = "org.apache.zookeeper.server.quorum.MultipleAddresses";

	static final String QUORUM_SERVER = "org.apache.zookeeper.server.quorum.QuorumPeer$QuorumServer";

	/**
	 * The embedded server's defaults, loaded by name: {@code zookeeper.serverCnxnFactory},
	 * {@code metricsProvider.className}, {@code zookeeper.watchManagerName}.
	 */
	static final List<String> SERVER_DEFAULTS = List.of("org.apache.zookeeper.server.NIOServerCnxnFactory",
			"org.apache.zookeeper.server.NettyServerCnxnFactory",
			"org.apache.zookeeper.metrics.impl.DefaultMetricsProvider",
			"org.apache.zookeeper.server.watch.WatchManager");

	private static final String EMBEDDED_SERVER = "org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded";

	@Override
	public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (ClassUtils.isPresent(ZooKeeper.class.getName(), classLoader)) {
			registerClient(hints, classLoader);
		}
		if (ClassUtils.isPresent(EMBEDDED_SERVER, classLoader)) {
			for (String server : SERVER_DEFAULTS) {
				if (ClassUtils.isPresent(server, classLoader)) {
					hints.reflection()
						.registerType(TypeReference.of(server), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
				}
			}
		}
		registerEndpointBodies(hints, classLoader);
	}

	private void registerClient(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		for (String socket : CLIENT_SOCKETS) {
			if (ClassUtils.isPresent(socket, classLoader)) {
				hints.reflection()
					.registerType(TypeReference.of(socket),
							(type) -> type.withConstructor(List.of(TypeReference.of(ZKClientConfig.class)),
									ExecutableMode.INVOKE));
			}
		}
		hints.reflection().registerType(TypeReference.of(ADD_WATCH_MODE));
		if (ClassUtils.isPresent(MULTIPLE_ADDRESSES, classLoader)) {
			hints.reflection()
				.registerType(TypeReference.of(MULTIPLE_ADDRESSES),
						(type) -> type.withMethod("getReachableOrOne", List.of(), ExecutableMode.INVOKE));
			hints.reflection()
				.registerType(TypeReference.of(QUORUM_SERVER), (type) -> type.withField("addr"));
		}
	}

	/**
	 * {@code /actuator/zktree} answers a {@code WebEndpointResponse<Object>}: its JSON body is
	 * not visible in the signature. {@code /actuator/zkcoordination}'s records are declared,
	 * and registered here too so that the hints do not depend on how Boot finds them.
	 */
	private void registerEndpointBodies(RuntimeHints hints, @Nullable ClassLoader classLoader) {
		if (!ClassUtils.isPresent("org.springframework.boot.actuate.endpoint.OperationResponseBody", classLoader)) {
			return;
		}
		BindingReflectionHintsRegistrar binding = new BindingReflectionHintsRegistrar();
		binding.registerReflectionHints(hints.reflection(), ZkTreeDescriptor.class,
				ZkCoordinationEndpoint.Coordination.class, ZkCoordinationEndpoint.Election.class, ZkHeldLock.class);
	}

}
