package io.zkboot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.zkboot.actuate.ZkActivityMetrics;
import io.zkboot.actuate.ZkConnectionMetrics;
import io.zkboot.client.ZkConnectionStateTracker;
import io.zkboot.discovery.ZkRegisteringServerEvent;
import io.zkboot.tree.ImportResult;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Micrometer metrics of the ZooKeeper client, when Micrometer is on the class path (Spring
 * Boot binds the {@code MeterBinder} beans to its registries).
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean(ZkConnectionStateTracker.class)
public class ZkMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkConnectionMetrics zkConnectionMetrics(ZkConnectionStateTracker states) {
		return new ZkConnectionMetrics(states);
	}

	@Bean
	@ConditionalOnMissingBean
	ZkActivityMetrics zkActivityMetrics() {
		return new ZkActivityMetrics();
	}

	@Bean
	ApplicationListener<ZkTreeImportedEvent> zkTreeImportMetrics(ZkActivityMetrics metrics) {
		return (event) -> {
			if (!event.isDryRun()) {
				ImportResult result = event.getResult();
				metrics.imported(result.added().size(), result.updated().size(), result.deleted().size());
			}
		};
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.cloud.client.serviceregistry.ServiceRegistry")
	static class RegistrationMetricsConfiguration {

		@Bean
		ApplicationListener<ZkRegisteringServerEvent> zkRegistrationMetrics(ZkActivityMetrics metrics) {
			return (event) -> metrics.registered(event.getAddresses().size());
		}

	}

}
