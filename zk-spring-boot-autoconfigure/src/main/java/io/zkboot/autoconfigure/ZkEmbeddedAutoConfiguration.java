package io.zkboot.autoconfigure;

import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkProperties;
import io.zkboot.embedded.EmbeddedZooKeeper;
import org.apache.zookeeper.server.embedded.ZooKeeperServerEmbedded;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
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
@ConditionalOnBooleanProperty("zk.embedded.enabled")
@Conditional(ZkEmbeddedAutoConfiguration.ConnectStringNotSetCondition.class)
@EnableConfigurationProperties(ZkProperties.class)
public class ZkEmbeddedAutoConfiguration {

	@Bean(destroyMethod = "close")
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
	 * Matches when {@code zk.connect-string} is not set: an explicit connect string turns
	 * the embedded server off.
	 */
	static class ConnectStringNotSetCondition extends SpringBootCondition {

		@Override
		public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
			boolean set = Binder.get(context.getEnvironment()).bind("zk.connect-string", String.class).isBound();
			return set ? ConditionOutcome.noMatch("zk.connect-string is set; the embedded server stays off")
					: ConditionOutcome.match("zk.connect-string is not set");
		}

	}

}
