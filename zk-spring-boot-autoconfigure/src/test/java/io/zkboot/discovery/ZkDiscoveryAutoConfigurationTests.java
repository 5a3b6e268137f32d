package io.zkboot.discovery;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkDiscoveryClientAutoConfiguration;
import io.zkboot.autoconfigure.ZkReactiveDiscoveryClientAutoConfiguration;
import io.zkboot.autoconfigure.ZkServiceRegistryAutoConfiguration;
import io.zkboot.test.NoServer;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistration;
import org.springframework.cloud.client.serviceregistry.AutoServiceRegistrationAutoConfiguration;
import org.springframework.cloud.commons.util.InetUtils;
import org.springframework.cloud.commons.util.InetUtilsProperties;
import org.springframework.cloud.commons.util.UtilAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which discovery and registration beans exist under which settings; wiring only, so no
 * server runs.
 */
class ZkDiscoveryAutoConfigurationTests {

	private static final AutoConfigurations CONFIGURATIONS = AutoConfigurations.of(ZkAutoConfiguration.class,
			AutoServiceRegistrationAutoConfiguration.class, ZkServiceRegistryAutoConfiguration.class,
			ZkDiscoveryClientAutoConfiguration.class, ZkReactiveDiscoveryClientAutoConfiguration.class);

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(NoServer.PROPERTIES)
			.withPropertyValues("spring.application.name=billing");
	}

	private WebApplicationContextRunner webRunner() {
		return new WebApplicationContextRunner().withConfiguration(CONFIGURATIONS)
			.withPropertyValues(NoServer.PROPERTIES)
			.withPropertyValues("spring.application.name=billing");
	}

	@Test
	void withoutAWebServerThereIsNoAutoRegistrationUnlessAPortIsConfigured() {
		runner().run((context) -> assertThat(context).hasSingleBean(ZkServiceRegistry.class)
			.doesNotHaveBean(AutoServiceRegistration.class));
		runner().withPropertyValues("zk.registry.port=9000")
			.run((context) -> assertThat(context).hasSingleBean(ZkLifecycleAutoServiceRegistration.class)
				.doesNotHaveBean(ZkAutoServiceRegistration.class));
	}

	@Test
	void everythingByDefault() {
		webRunner().run((context) -> {
			assertThat(context).hasSingleBean(ZkServiceRegistry.class)
				.hasSingleBean(ZkRegistrationRestorer.class)
				.hasSingleBean(ZkAutoServiceRegistration.class)
				.hasSingleBean(ZkServiceCatalog.class)
				.hasSingleBean(ZkDiscoveryClient.class)
				.hasSingleBean(ZkReactiveDiscoveryClient.class);
			ZkRegistration registration = context.getBean(ZkRegistration.class);
			assertThat(registration.getServiceId()).isEqualTo("billing");
			assertThat(registration.getPath()).isEqualTo("/services/billing/providers");
			assertThat(registration.getHosts()).containsExactly(inetUtilsChoice());
			assertThat(registration.getPort()).isZero();
			assertThat(registration.getInstanceId()).isNotBlank();
		});
	}

	private static String inetUtilsChoice() {
		try (InetUtils inetUtils = new InetUtils(new InetUtilsProperties())) {
			return inetUtils.findFirstNonLoopbackHostInfo().getIpAddress();
		}
	}

	@Test
	void aBlankHostIsTheAddressSpringCloudsInetUtilsChooses() throws Exception {
		String fallback = InetAddress.getLocalHost().getHostAddress();
		webRunner().withConfiguration(AutoConfigurations.of(UtilAutoConfiguration.class)).run((context) -> {
			assertThat(context).hasSingleBean(InetUtils.class);
			List<String> hosts = context.getBean(ZkRegistration.class).getHosts();
			assertThat(hosts).containsExactly(inetUtilsChoice());
			assertThat(HostAddresses.ofMachine()).containsAll(hosts);
		});
		// no interface is preferred or allowed: InetUtils falls back to the local host's address
		webRunner().withConfiguration(AutoConfigurations.of(UtilAutoConfiguration.class))
			.withPropertyValues("spring.cloud.inetutils.preferred-networks=203.0.113.")
			.run((context) -> assertThat(context.getBean(ZkRegistration.class).getHosts()).containsExactly(fallback));
		webRunner().withPropertyValues("spring.cloud.util.enabled=false", "spring.cloud.inetutils.ignored-interfaces=.*")
			.run((context) -> assertThat(context.getBean(ZkRegistration.class).getHosts()).containsExactly(fallback));
	}

	@Test
	void anInetUtilsOfItsOwnIsAskedForItsHostInfo() {
		webRunner().withBean(InetUtils.class, () -> new InetUtils(new InetUtilsProperties()) {

			@Override
			public HostInfo findFirstNonLoopbackHostInfo() {
				HostInfo info = new HostInfo();
				info.setIpAddress("198.51.100.7");
				info.setHostname("chosen.example");
				return info;
			}

		}).run((context) -> assertThat(context.getBean(ZkRegistration.class).getHosts()).containsExactly("198.51.100.7"));
	}

	@Test
	void allAddressesRegistersEveryAddressAsZcZkDoes() {
		webRunner().withPropertyValues("zk.registry.all-addresses=true")
			.run((context) -> assertThat(context.getBean(ZkRegistration.class).getHosts())
				.isEqualTo(HostAddresses.ofMachine()));
	}

	@Test
	void registrationFromProperties() {
		runner().withPropertyValues("zk.registry.service-id=payments", "zk.registry.host=app.example.com",
				"zk.registry.port=8443", "zk.registry.secure=true", "zk.registry.instance-id=payments-1",
				"zk.registry.metadata.zone=eu", "zk.discovery.root=/apps", "zk.discovery.providers=servers")
			.run((context) -> {
				ZkRegistration registration = context.getBean(ZkRegistration.class);
				assertThat(registration.getPath()).isEqualTo("/apps/payments/servers");
				assertThat(registration.getAddresses()).containsExactly("app.example.com:8443");
				assertThat(registration.getUri()).hasToString("https://app.example.com:8443");
				assertThat(registration.getInstanceId()).isEqualTo("payments-1");
				assertThat(registration.getMetadata()).isEqualTo(Map.of("zone", "eu"));
				assertThat(context.getBean(ZkServiceCatalog.class).providersPath("x")).isEqualTo("/apps/x/servers");
			});
	}

	@Test
	void aRegistrationOfTheApplicationsOwnWins() {
		ZkRegistration own = new ZkRegistration("own", "own-1", "/own", List.of("h"), 1, false, Map.of());
		runner().withBean(ZkRegistration.class, () -> own)
			.run((context) -> assertThat(context.getBean(ZkRegistration.class)).isSameAs(own));
	}

	@Test
	void registryOffWithEitherSwitch() {
		runner().withPropertyValues("zk.registry.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkServiceRegistry.class)
				.doesNotHaveBean(ZkRegistration.class)
				.hasSingleBean(ZkDiscoveryClient.class));
		runner().withPropertyValues("spring.cloud.service-registry.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkServiceRegistry.class));
	}

	@Test
	void autoRegistrationOff() {
		runner().withPropertyValues("spring.cloud.service-registry.auto-registration.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ZkServiceRegistry.class)
				.doesNotHaveBean(ZkAutoServiceRegistration.class));
	}

	@Test
	void discoveryOffWithEachSwitch() {
		runner().withPropertyValues("zk.discovery.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkServiceCatalog.class)
				.doesNotHaveBean(ZkDiscoveryClient.class)
				.doesNotHaveBean(ZkReactiveDiscoveryClient.class)
				.hasSingleBean(ZkServiceRegistry.class));
		runner().withPropertyValues("spring.cloud.discovery.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkDiscoveryClient.class)
				.doesNotHaveBean(ZkReactiveDiscoveryClient.class));
		runner().withPropertyValues("spring.cloud.discovery.blocking.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ZkDiscoveryClient.class)
				.hasSingleBean(ZkReactiveDiscoveryClient.class));
		runner().withPropertyValues("spring.cloud.discovery.reactive.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ZkDiscoveryClient.class)
				.doesNotHaveBean(ZkReactiveDiscoveryClient.class));
	}

}
