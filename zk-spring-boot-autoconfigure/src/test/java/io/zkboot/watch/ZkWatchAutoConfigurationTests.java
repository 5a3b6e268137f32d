package io.zkboot.watch;

import io.zkboot.autoconfigure.ZkConfigAutoConfiguration;
import io.zkboot.autoconfigure.ZkWatchAutoConfiguration;
import io.zkboot.config.ZkConfigRefresher;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watch and configuration auto-configurations without a client: they back off instead of
 * failing.
 */
class ZkWatchAutoConfigurationTests {

	@Test
	void withoutAClientThereAreNoViewsAndNoConfigurationRefresh() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkWatchAutoConfiguration.class, ZkConfigAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ZkViews.class);
				assertThat(context).doesNotHaveBean(ZkConfigRefresher.class);
				assertThat(context).hasSingleBean(ZkWatchBeanPostProcessor.class).hasSingleBean(ZkWatchMethods.class);
			});
	}

}
