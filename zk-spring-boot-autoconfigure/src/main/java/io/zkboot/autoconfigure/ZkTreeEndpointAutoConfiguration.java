package io.zkboot.autoconfigure;

import io.zkboot.actuate.ZkTreeEndpoint;
import io.zkboot.core.ZkTemplate;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The {@code zktree} actuator endpoint, when the actuator is on the class path and the
 * endpoint is available (enabled and exposed, as every actuator endpoint).
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnClass(ConditionalOnAvailableEndpoint.class)
@ConditionalOnBean(ZkTemplate.class)
@ConditionalOnAvailableEndpoint(ZkTreeEndpoint.class)
@EnableConfigurationProperties(ZkTreeEndpointProperties.class)
public class ZkTreeEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkTreeEndpoint zkTreeEndpoint(ZkTemplate template, ZkTreeEndpointProperties properties,
			ObjectProvider<SanitizingFunction> sanitizingFunctions) {
		return new ZkTreeEndpoint(template, sanitizingFunctions.orderedStream().toList(),
				properties.getShowValues(), properties.getRoles());
	}

}
