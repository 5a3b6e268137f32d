package io.zkboot.client;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where the ZooKeeper client connects. By default taken from {@code zk.connect-string};
 * a bean of this type (from the embedded server, a Testcontainers
 * {@code @ServiceConnection}, or the application) takes its place.
 */
public interface ZkConnectionDetails extends ConnectionDetails {

	/**
	 * The connect string: a comma-separated host:port list, optionally followed by a
	 * chroot path.
	 * @return the connect string
	 */
	String getConnectString();

}
