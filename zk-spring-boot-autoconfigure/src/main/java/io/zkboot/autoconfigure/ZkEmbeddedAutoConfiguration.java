package io.zkboot.autoconfigure;

import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkProperties;
import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Starts an {@link EmbeddedZooKeeper} before the client when
 * {@code zk.embedded.enabled=true} and {@code zk.connect-string} is not set, and points
 * the client at it ({@code zk.auth.*} and {@code zk.tls.*} still apply).
 */
@AutoConfiguration(before = ZkAutoConfiguration.class)
@ConditionalOnClass(ZooKeeperServerEmbedded.class)
@Conditional(ZkEmbeddedAutoConfiguration.EmbeddedServerWantedCondition.class)
@EnableConfigurationProperties(ZkProperties.class)
public class ZkEmbeddedAutoConfiguration {

	@Bean(name = EmbeddedZooKeeper.BEAN_NAME, destroyMethod = "close")
	@ConditionalOnMissingBean
	EmbeddedZooKeeper embeddedZooKeeper(ZkProperties properties) {
		ZkProperties.Embedded embedded = properties.getEmbedded();
		return EmbeddedZooKeeper.start(embedded.getPort(), embedded.getDataDir(), embedded.getProperties());
	}

	@Bean
	@ConditionalOnMissingBean(ZkConnectionDetails.class)
	PropertiesZkConnectionDetails embeddedZkConnectionDetails(EmbeddedZooKeeper server, ZkProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		return new PropertiesZkConnectionDetails(properties, sslBundles.getIfAvailable(), server::getConnectString);
	}

	/**
	 * Matches when the application {@link EmbeddedZooKeeper#isWanted wants} an embedded server,
	 * the decision the {@code zk:} configuration import makes too.
	 */
	static class EmbeddedServerWantedCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			return EmbeddedZooKeeper.isWanted(Binder.get(context.getEnvironment()))
					? ConditionOutcome.match("zk.embedded.enabled=true and zk.connect-string is not set")
					: ConditionOutcome.noMatch("zk.embedded.enabled is not true, or zk.connect-string is set");
		}

	}

}
