package io.zkboot.autoconfigure;

import io.zkboot.actuate.ZkCoordinationEndpoint;
import io.zkboot.coordination.ZkElections;
import io.zkboot.coordination.ZkLocks;

import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code zkcoordination} actuator endpoint, when the actuator is on the class path and the
 * endpoint is available (enabled and exposed, as every actuator endpoint).
 */
@AutoConfiguration(after = ZkCoordinationAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean({ ZkLocks.class, ZkElections.class })
@ConditionalOnAvailableEndpoint(ZkCoordinationEndpoint.class)
public class ZkCoordinationEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkCoordinationEndpoint zkCoordinationEndpoint(ZkLocks locks, ZkElections elections) {
		return new ZkCoordinationEndpoint(locks, elections);
	}

}
