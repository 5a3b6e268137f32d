package io.zkboot.autoconfigure;

import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkProperties;

import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * {@link ZkConnectionDetails} from {@code zk.connect-string}, {@code zk.auth.*} and
 * {@code zk.tls.bundle} (looked up in Boot's {@link SslBundles}).
 */
class PropertiesZkConnectionDetails implements ZkConnectionDetails {

	private final ZkProperties properties;

	private final SslBundles sslBundles;

	PropertiesZkConnectionDetails(ZkProperties properties, SslBundles sslBundles) {
		this.properties = properties;
		this.sslBundles = sslBundles;
	}

	@Override
	public String getConnectString() {
		return this.properties.getConnectString();
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
