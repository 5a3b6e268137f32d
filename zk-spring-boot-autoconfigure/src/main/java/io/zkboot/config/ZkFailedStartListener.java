package io.zkboot.config;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.SpringApplicationRunListener;
import org.springframework.boot.bootstrap.ConfigurableBootstrapContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Stops the embedded server that the {@code zk:} configuration loader started when the
 * application fails to start before the server was handed to the application context (a
 * {@code zk:} node that does not exist, for example), so that the failed start ends the
 * process.
 */
class ZkFailedStartListener implements SpringApplicationRunListener {

	private @Nullable ConfigurableBootstrapContext bootstrap;

	@Override
	public void starting(ConfigurableBootstrapContext bootstrapContext) {
		this.bootstrap = bootstrapContext;
	}

	@Override
	public void failed(@Nullable ConfigurableApplicationContext context, Throwable exception) {
		if (this.bootstrap != null) {
			BootstrapEmbeddedServer.stopIfNotHandedOver(this.bootstrap);
		}
	}

}
