package io.zkboot.autoconfigure;

import io.zkboot.client.ZkConnectionDetails;
import io.zkboot.client.ZkProperties;

/**
 * {@link ZkConnectionDetails} from {@code zk.connect-string}.
 */
class PropertiesZkConnectionDetails implements ZkConnectionDetails {

	private final ZkProperties properties;

	PropertiesZkConnectionDetails(ZkProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getConnectString() {
		return this.properties.getConnectString();
	}

}
