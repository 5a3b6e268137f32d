package io.zkboot.autoconfigure;

import java.util.List;

import io.micrometer.observation.ObservationRegistry;
import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkDeferredStartup;
import io.zkboot.core.ZkObservationConvention;
import io.zkboot.core.ZkTemplate;
import io.zkboot.tree.ZkTree;
import org.apache.zookeeper.data.ACL;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;

/**
 * Auto-configuration of the tree support: a {@link ZkTree} on the {@link ZkTemplate}, and the
 * import of the tree texts of {@code zk.tree.import.locations} at startup.
 */
@AutoConfiguration(after = ZkAutoConfiguration.class)
@ConditionalOnBean(ZkTemplate.class)
@EnableConfigurationProperties(ZkTreeProperties.class)
public class ZkTreeAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ZkTree zkTree(ZkTemplate template, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ZkObservationConvention> convention) {
		ZkTree tree = new ZkTree(template, observationRegistry.getIfAvailable(() -> ObservationRegistry.NOOP));
		convention.ifAvailable(tree::setObservationConvention);
		return tree;
	}

	@Bean
	@ConditionalOnProperty(prefix = "zk.tree.import", name = "enabled", matchIfMissing = true)
	ZkTreeStartupImport zkTreeStartupImport(ZkTree tree, ZkTreeProperties properties, ZkConnectionDetails connectionDetails,
			ResourceLoader resourceLoader, ApplicationEventPublisher publisher, ZkDeferredStartup deferredStartup) {
		ZkTreeProperties.Import settings = properties.getImport();
		List<ACL> acl = (settings.getAcl() != null) ? settings.getAcl().acl(connectionDetails.getAuth() != null) : null;
		return new ZkTreeStartupImport(tree, settings, acl, ResourcePatternUtils.getResourcePatternResolver(resourceLoader),
				publisher, deferredStartup);
	}

}
