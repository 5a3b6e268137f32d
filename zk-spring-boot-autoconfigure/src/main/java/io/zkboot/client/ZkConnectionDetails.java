package io.zkboot.client;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;
import org.springframework.boot.ssl.SslBundle;

/**
 * Where and how the ZooKeeper client connects: the connect string, the credentials of the
 * session and the TLS material. By default taken from {@code zk.connect-string} (or the
 * embedded server's address), {@code zk.auth.*} and {@code zk.tls.bundle}; a bean of this type
 * (a Testcontainers {@code @ServiceConnection}, Docker Compose, or the application's) takes
 * its place, and then those three are its alone. The rest of {@code zk.*} applies either way, the key-store
 * properties of {@code zk.tls.*} included when {@link #getSslBundle()} is {@code null}.
 */
public interface ZkConnectionDetails extends ConnectionDetails {

	/**
	 * The connect string: a comma-separated host:port list, optionally followed by a
	 * chroot path.
	 * @return the connect string
	 */
	String getConnectString();

	/**
	 * The credentials the session authenticates with.
	 * @return the credentials, or {@code null} for none
	 */
	default Auth getAuth() {
		return null;
	}

	/**
	 * The SSL bundle whose key and trust material the client connects over TLS with.
	 * @return the bundle, or {@code null} for none
	 */
	default SslBundle getSslBundle() {
		return null;
	}

	/**
	 * Credentials of a ZooKeeper session, as {@code addauth} takes them.
	 *
	 * @param scheme the authentication scheme, for example {@code digest}
	 * @param credentials the credentials of the scheme, for digest {@code username:password}
	 */
	record Auth(String scheme, String credentials) {

		/**
		 * Digest credentials.
		 * @param username the user name
		 * @param password the password, {@code null} for an empty one
		 * @return the credentials
		 */
		public static Auth digest(String username, String password) {
			return new Auth("digest", username + ":" + ((password != null) ? password : ""));
		}

		@Override
		public String toString() {
			return this.scheme + " credentials";
		}

	}

}
