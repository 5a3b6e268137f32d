package io.zkboot.autoconfigure;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.coordination.recipe.ZkParty;
import io.zkboot.coordination.recipe.ZkPartyChangedEvent;
import io.zkboot.coordination.recipe.ZkRecipes;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@link ZkRecipes} bean: its default identifier, the user's own bean, and party events
 * reaching the application's listeners.
 */
class ZkRecipesAutoConfigurationTests {

	@RegisterExtension
	static ZkTestServer server = new ZkTestServer();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkCoordinationAutoConfiguration.class,
				ZkRecipesAutoConfiguration.class))
		.withPropertyValues("zk.embedded.enabled=false");

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues(server.connectStringProperty());
	}

	@Test
	void theDefaultIdentifierIsTheCoordinationIdentifier() {
		connected().run((context) -> assertThat(context.getBean(ZkRecipes.class).identifier())
			.endsWith(":" + ProcessHandle.current().pid()));
		connected().withPropertyValues("zk.registry.instance-id=orders-1")
			.run((context) -> assertThat(context.getBean(ZkRecipes.class).identifier()).isEqualTo("orders-1"));
		connected().withPropertyValues("zk.registry.instance-id=orders-1", "zk.coordination.identifier=orders-2")
			.run((context) -> assertThat(context.getBean(ZkRecipes.class).identifier()).isEqualTo("orders-2"));
	}

	@Test
	void aUsersOwnFactoryWins() {
		connected().withUserConfiguration(OwnRecipes.class)
			.run((context) -> assertThat(context).getBean(ZkRecipes.class).isSameAs(context.getBean("mine")));
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class OwnRecipes {

		@org.springframework.context.annotation.Bean
		ZkRecipes mine(io.zkboot.coordination.ZkLocks locks) {
			return new ZkRecipes(locks, null);
		}

	}

	@Test
	void partyChangesArePublishedToTheApplicationWhenAsked() {
		List<ZkPartyChangedEvent> events = new CopyOnWriteArrayList<>();
		connected().withPropertyValues("zk.registry.instance-id=app-1")
			.withBean(ApplicationListener.class, () -> (ApplicationListener<ZkPartyChangedEvent>) events::add)
			.run((context) -> {
				ZkParty party = context.getBean(ZkRecipes.class).party("/app-workers");
				party.join();
				try (var published = party.publishEvents()) {
					await().until(() -> !events.isEmpty());
				}
				assertThat(events.get(0).getMembers()).containsExactly("app-1");
				assertThat(context.getBean(CuratorFramework.class).getChildren().forPath("/app-workers")).hasSize(1);
			});
	}

}
