package io.zkboot.config;

import org.springframework.boot.autoconfigure.ssl.JksSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PemSslBundleProperties;
import org.springframework.boot.autoconfigure.ssl.PropertiesSslBundle;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.io.ApplicationResourceLoader;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;

/**
 * The SSL bundles of {@code spring.ssl.bundle.*} while configuration is loaded, before
 * Boot's {@code SslBundles} bean exists: bound from the {@link Binder} and built by Boot's
 * own {@link PropertiesSslBundle}, as its {@code SslAutoConfiguration} registers them later,
 * so that the {@code zk:} loader's client and the application's have the same bundle.
 * Reloading ({@code reload-on-update}) is the application's alone.
 */
final class BootstrapSslBundles {

	private final SslProperties.Bundles bundles;

	BootstrapSslBundles(Binder binder) {
		this.bundles = binder.bindOrCreate("spring.ssl.bundle", SslProperties.Bundles.class);
	}

	/**
	 * The bundle of a name.
	 * @param name the name, a key of {@code spring.ssl.bundle.pem} or {@code .jks}
	 * @return the bundle
	 * @throws NoSuchSslBundleException when neither has the name
	 */
	SslBundle getBundle(String name) {
		PemSslBundleProperties pem = this.bundles.getPem().get(name);
		if (pem != null) {
			return PropertiesSslBundle.get(pem, ApplicationResourceLoader.get());
		}
		JksSslBundleProperties jks = this.bundles.getJks().get(name);
		if (jks != null) {
			return PropertiesSslBundle.get(jks, ApplicationResourceLoader.get());
		}
		throw new NoSuchSslBundleException(name, "SSL bundle name '" + name + "' cannot be found");
	}

}
