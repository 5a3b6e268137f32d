package io.zkboot.autoconfigure;

import java.util.function.Supplier;

import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkProperties;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link ZkConnectionDetails} from {@code zk.connect-string} (or the embedded server's),
 * {@code zk.auth.*} and {@code zk.tls.bundle} (looked up in Boot's {@link SslBundles}).
 */
class PropertiesZkConnectionDetails implements ZkConnectionDetails {

	private final ZkProperties properties;

	private final SslBundles sslBundles;

	private final Supplier<String> connectString;

	PropertiesZkConnectionDetails(ZkProperties properties, SslBundles sslBundles) {
		this(properties, sslBundles, properties::getConnectString);
	}

	/**
	 * Details of {@code zk.*} with another connect string.
	 * @param properties {@code zk.*}
	 * @param sslBundles Boot's bundles, {@code null} when there are none
	 * @param connectString where to connect instead of {@code zk.connect-string}
	 */
	PropertiesZkConnectionDetails(ZkProperties properties, SslBundles sslBundles, Supplier<String> connectString) {
		this.properties = properties;
		this.sslBundles = sslBundles;
		this.connectString = connectString;
	}

	@Override
	public String getConnectString() {
		return this.connectString.get();
	}

	@Override
	public Auth getAuth() {
		return this.properties.getAuth().toAuth();
	}

	@Override
	public SslBundle getSslBundle() {
		return this.properties.getTls().resolveBundle(this::bundle);
	}

	private SslBundle bundle(String name) {
		if (this.sslBundles == null) {
			throw new IllegalStateException("zk.tls.bundle=" + name
					+ " needs Spring Boot's SslBundles, which SslAutoConfiguration provides; it is not in this context");
		}
		return this.sslBundles.getBundle(name);
	}

}
