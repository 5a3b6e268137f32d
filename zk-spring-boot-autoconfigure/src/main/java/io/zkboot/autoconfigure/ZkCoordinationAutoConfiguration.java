package io.zkboot.autoconfigure;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.coordination.ZkElections;
import io.zkboot.coordination.ZkLeaderElection;
import io.zkboot.coordination.ZkLeaderOnlyLifecycles;
import io.zkboot.coordination.ZkLockedBeanPostProcessor;
import io.zkboot.coordination.ZkLocks;
import io.zkboot.discovery.ZkRegistration;
import io.zkboot.discovery.ZkServiceRegistry;
import org.apache.curator.framework.CuratorFramework;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of coordination on kazoo's node layouts: {@link ZkLocks} (locks,
 * read/write locks, semaphores), {@code @ZkLocked} methods, {@link ZkElections}, and, with
 * {@code zk.leader.enabled=true}, the application's own {@link ZkLeaderElection} with
 * {@code @ZkLeaderOnly} lifecycle beans.
 */
@AutoConfiguration(after = { ZkAutoConfiguration.class, ZkServiceRegistryAutoConfiguration.class })
@ConditionalOnBean(CuratorFramework.class)
@EnableConfigurationProperties({ ZkCoordinationProperties.class, ZkLeaderProperties.class })
public class ZkCoordinationAutoConfiguration {

	private static final String REGISTRATION_CLASS = "org.springframework.cloud.client.serviceregistry.Registration";

	private static final String HEALTH_ENDPOINT_CLASS = "org.springframework.boot.health.actuate.endpoint.HealthEndpoint";

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkLocks zkLocks(CuratorFramework client, ZkCoordinationProperties properties, ApplicationEventPublisher publisher,
			ObjectProvider<ObservationRegistry> observations, ListableBeanFactory beanFactory, Environment environment) {
		return new ZkLocks(client, identifier(properties, beanFactory, environment), publisher::publishEvent,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP), properties.isInterruptOnLost());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ZkElections zkElections(ZkLocks locks, ZkLeaderProperties properties, ApplicationEventPublisher publisher,
			ObjectProvider<ObservationRegistry> observations) {
		return new ZkElections(locks, properties.getRevokeOn(), publisher::publishEvent,
				observations.getIfAvailable(() -> ObservationRegistry.NOOP));
	}

	@Bean
	@ConditionalOnMissingBean
	static ZkLockedBeanPostProcessor zkLockedBeanPostProcessor(ObjectProvider<ZkLocks> locks) {
		return new ZkLockedBeanPostProcessor(locks::getObject);
	}

	@Bean
	@ConditionalOnMissingBean
	static ZkLeaderOnlyLifecycles zkLeaderOnlyLifecycles() {
		return new ZkLeaderOnlyLifecycles();
	}

	/** The configured identifier, the registration's instance id, or HOST:PID. */
	private static String identifier(ZkCoordinationProperties properties, ListableBeanFactory beanFactory,
			Environment environment) {
		if (properties.getIdentifier() != null && !properties.getIdentifier().isBlank()) {
			return properties.getIdentifier();
		}
		String instanceId = environment.getProperty("zk.registry.instance-id");
		if (instanceId != null && !instanceId.isBlank()) {
			return instanceId;
		}
		if (ClassUtils.isPresent(REGISTRATION_CLASS, ZkCoordinationAutoConfiguration.class.getClassLoader())) {
			String registered = Registrations.instanceId(beanFactory);
			if (registered != null) {
				return registered;
			}
		}
		return hostName() + ":" + ProcessHandle.current().pid();
	}

	private static String hostName() {
		try {
			return InetAddress.getLocalHost().getHostName();
		}
		catch (UnknownHostException ex) {
			return "localhost";
		}
	}

	/** Touches Spring Cloud types only when Spring Cloud Commons is on the class path. */
	private static final class Registrations {

		static @Nullable String instanceId(ListableBeanFactory beanFactory) {
			ZkRegistration registration = beanFactory.getBeanProvider(ZkRegistration.class).getIfAvailable();
			return (registration != null) ? registration.getInstanceId() : null;
		}

		static Supplier<String> outOfService(ListableBeanFactory beanFactory) {
			return () -> {
				ZkRegistration registration = beanFactory.getBeanProvider(ZkRegistration.class).getIfAvailable();
				ZkServiceRegistry registry = beanFactory.getBeanProvider(ZkServiceRegistry.class).getIfAvailable();
				if (registration == null || registry == null) {
					return null;
				}
				Object status = registry.getStatus(registration);
				return "OUT_OF_SERVICE".equals(status) ? "its registration is OUT_OF_SERVICE" : null;
			};
		}

	}

	/** Looks at health only when Boot's health endpoint is on the class path. */
	private static final class Healths {

		static Supplier<String> down(ListableBeanFactory beanFactory) {
			return () -> {
				HealthEndpoint endpoint = beanFactory.getBeanProvider(HealthEndpoint.class).getIfAvailable();
				if (endpoint == null || endpoint.health() == null) {
					return null;
				}
				// not OUT_OF_SERVICE: the zookeeper indicator says so while SUSPENDED, which zk.leader.revoke-on rules
				Status status = endpoint.health().getStatus();
				return Status.DOWN.equals(status) ? "its health is DOWN" : null;
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty("zk.leader.enabled")
	static class ApplicationElectionConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ZkLeaderElection zkLeaderElection(ZkElections elections, ZkLeaderProperties properties,
				ZkLeaderOnlyLifecycles lifecycles, Environment environment) {
			String path = (properties.getPath() != null) ? properties.getPath()
					: "/leaders/" + environment.getProperty("spring.application.name", "application");
			ZkLeaderElection election = elections.create(path);
			lifecycles.attach(election);
			return election;
		}

		@Bean
		SmartLifecycle zkLeaderElectionLifecycle(ZkLeaderElection election, ZkLeaderProperties properties,
				ListableBeanFactory beanFactory) {
			return new ElectionLifecycle(election, properties, beanFactory);
		}

	}

	/**
	 * Joins the application's election in the last lifecycle phase, after the web server, and
	 * leaves it in the first phase of shutdown, so leader-only beans run inside a started
	 * application.
	 */
	static final class ElectionLifecycle implements SmartLifecycle {

		private final ZkLeaderElection election;

		private final ZkLeaderProperties properties;

		private final ListableBeanFactory beanFactory;

		private @Nullable LeaderHealthGuard guard;

		private volatile boolean running;

		ElectionLifecycle(ZkLeaderElection election, ZkLeaderProperties properties, ListableBeanFactory beanFactory) {
			this.election = election;
			this.properties = properties;
			this.beanFactory = beanFactory;
		}

		@Override
		public void start() {
			this.running = true;
			this.election.start();
			if (this.properties.isYieldWhenUnhealthy()) {
				List<Supplier<String>> checks = new ArrayList<>();
				ClassLoader classLoader = getClass().getClassLoader();
				if (ClassUtils.isPresent(HEALTH_ENDPOINT_CLASS, classLoader)) {
					checks.add(Healths.down(this.beanFactory));
				}
				if (ClassUtils.isPresent(REGISTRATION_CLASS, classLoader)) {
					checks.add(Registrations.outOfService(this.beanFactory));
				}
				this.guard = new LeaderHealthGuard(this.election, checks, this.properties.getHealthCheckInterval());
			}
		}

		@Override
		public void stop() {
			if (this.guard != null) {
				this.guard.close();
				this.guard = null;
			}
			this.election.close();
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

		/** The last phase: after the web server, among the application's own lifecycle beans. */
		@Override
		public int getPhase() {
			return Integer.MAX_VALUE;
		}

	}

}
