package io.zkboot.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.zkboot.client.ZkAclMode;
import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import io.zkboot.tree.ZkTree;
import org.apache.curator.framework.CuratorFramework;
import org.apache.zookeeper.ZooDefs;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ZkTree} bean and the startup import of {@code zk.tree.import.*}, against a real
 * server.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkTreeAutoConfigurationTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkTreeAutoConfiguration.class));

	@BeforeEach
	void emptyTree() {
		connected().run((context) -> {
			ZkTemplate template = context.getBean(ZkTemplate.class);
			for (String child : template.getChildren("/")) {
				if (!child.equals("zookeeper")) {
					template.deleteRecursive("/" + child, DeleteOptions.defaults().withForce());
				}
			}
		});
	}

	private ApplicationContextRunner connected() {
		return this.runner.withPropertyValues("zk.connect-string=" + zooKeeper.getConnectString());
	}

	private ApplicationContextRunner importing(String location) {
		return connected().withPropertyValues("zk.tree.import.locations=" + location)
			.withBean(RecordedImports.class);
	}

	@Test
	void providesATreeThatAUserBeanReplaces() {
		connected().run((context) -> assertThat(context).hasSingleBean(ZkTree.class)
			.hasSingleBean(ZkTreeStartupImport.class));
		connected().withUserConfiguration(MyTree.class)
			.run((context) -> assertThat(context).getBean(ZkTree.class).isSameAs(context.getBean("myTree")));
		connected().withPropertyValues("zk.tree.import.enabled=false")
			.run((context) -> assertThat(context).hasSingleBean(ZkTree.class)
				.doesNotHaveBean(ZkTreeStartupImport.class));
	}

	@Test
	void bindsTheImportProperties() {
		connected()
			.withPropertyValues("zk.tree.import.locations=classpath*:a/*.tree,classpath:b.tree",
					"zk.tree.import.base-path=/app", "zk.tree.import.trim=true", "zk.tree.import.dry-run=true",
					"zk.tree.import.fail-on-error=false", "zk.tree.import.strict-links=true",
					"zk.tree.import.acl=read-only", "zk.tree.import.enabled=false")
			.run((context) -> {
				ZkTreeProperties.Import settings = context.getBean(ZkTreeProperties.class).getImport();
				assertThat(settings.getLocations()).containsExactly("classpath*:a/*.tree", "classpath:b.tree");
				assertThat(settings.getBasePath()).isEqualTo("/app");
				assertThat(settings.isTrim()).isTrue();
				assertThat(settings.isDryRun()).isTrue();
				assertThat(settings.isFailOnError()).isFalse();
				assertThat(settings.isStrictLinks()).isTrue();
				assertThat(settings.getAcl()).isEqualTo(ZkAclMode.READ_ONLY);
				assertThat(settings.isEnabled()).isFalse();
			});
		connected().run((context) -> {
			ZkTreeProperties.Import settings = context.getBean(ZkTreeProperties.class).getImport();
			assertThat(settings.getLocations()).isEmpty();
			assertThat(settings.getBasePath()).isEqualTo("/");
			assertThat(settings.isFailOnError()).isTrue();
			assertThat(settings.isEnabled()).isTrue();
		});
	}

	@Test
	void importsTheResourcesInFileNameOrderBeforeTheContextIsReadyAndPublishesEvents(CapturedOutput output) {
		importing("classpath*:zk-tree/ok/*.tree").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordedImports.class).order).containsExactly("imported", "imported",
					"refreshed");
			List<ZkTreeImportedEvent> events = context.getBean(RecordedImports.class).events;
			assertThat(events).extracting(ZkTreeImportedEvent::getResource)
				.satisfiesExactly((name) -> assertThat(name).endsWith("zk-tree/ok/10-cms.tree"),
						(name) -> assertThat(name).endsWith("zk-tree/ok/20-retail.tree"));
			assertThat(events.get(0).getResult().added()).containsExactly("/cms", "/cms/databases",
					"/cms/databases/main", "/cms/providers");
			assertThat(events.get(1).isDryRun()).isFalse();
			ZkTree tree = context.getBean(ZkTree.class);
			assertThat(tree.properties("/retail")).containsEntry("threads", 3);
		});
		assertThat(output).contains("Imported tree ").contains("10-cms.tree at /: 4 added, 0 updated, 0 unchanged");
	}

	@Test
	void givesCreatedNodesTheImportAcl() {
		importing("classpath:zk-tree/leaf/leaf.tree").withPropertyValues("zk.tree.import.acl=read-only")
			.run((context) -> assertThat(context.getBean(CuratorFramework.class).getACL().forPath("/leaf"))
				.isEqualTo(ZooDefs.Ids.READ_ACL_UNSAFE));
	}

	@Test
	void importsAtTheBasePathAndTrimsOrDryRuns() {
		connected().run((context) -> context.getBean(ZkTemplate.class).ensurePath("/app/cms/old"));
		importing("classpath:zk-tree/ok/10-cms.tree")
			.withPropertyValues("zk.tree.import.base-path=/app", "zk.tree.import.trim=true",
					"zk.tree.import.dry-run=true")
			.run((context) -> {
				ZkTreeImportedEvent event = context.getBean(RecordedImports.class).events.get(0);
				assertThat(event.isDryRun()).isTrue();
				assertThat(event.getResult().messages()).containsExactly("/app/cms add property threads = 3",
						"/app/cms add property type = z4m cms", "would delete /app/cms/old.", "add /app/cms/databases",
						"add /app/cms/providers");
				assertThat(context.getBean(ZkTemplate.class).walk("/app")).containsExactly("/app", "/app/cms",
						"/app/cms/old");
			});
		importing("classpath:zk-tree/ok/10-cms.tree")
			.withPropertyValues("zk.tree.import.base-path=/app", "zk.tree.import.trim=true")
			.run((context) -> {
				ZkTreeImportedEvent event = context.getBean(RecordedImports.class).events.get(0);
				assertThat(event.getResult().deleted()).containsExactly("/app/cms/old");
				assertThat(context.getBean(ZkTree.class).export("/app/cms")).isEqualTo(
						"/cms : z4m cms\n  threads = 3\n  /databases\n    /main\n  /providers\n");
			});
	}

	@Test
	void aBadTextStopsStartupNamingTheResourceAndLine() {
		importing("classpath:zk-tree/bad/bad.tree").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("duplicate property: threads (first given at line 2)");
			ZkTreeImportFailedException failure = findFailure(context.getStartupFailure());
			assertThat(failure.getResource()).endsWith("zk-tree/bad/bad.tree");
			assertThat(failure.getLine()).isEqualTo(4);
			assertThat(failure).hasMessageStartingWith("Cannot import the tree ")
				.hasMessageEndingWith("zk-tree/bad/bad.tree at line 4, column 3: duplicate property: threads "
						+ "(first given at line 2)");
			FailureAnalysis analysis = new ZkTreeImportFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).isEqualTo(failure.getMessage());
			assertThat(analysis.getAction()).contains("zk.tree.import.fail-on-error=false");
		});
		connected().run((context) -> assertThat(context.getBean(ZkTemplate.class).exists("/cms")).isFalse());
	}

	@Test
	void aLinkIntoNowhereIsImportedWithAWarning(CapturedOutput output) {
		importing("classpath:zk-tree/nowhere/links.tree").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(RecordedImports.class).events).singleElement()
				.satisfies((event) -> assertThat(event.getResult().warnings()).singleElement()
					.satisfies((warning) -> assertThat(warning).endsWith(
							"links.tree:2:3: link 'db -> /databases/main' leads nowhere: no node /databases/main")));
			assertThat(context.getBean(ZkTemplate.class).exists("/shop")).isTrue();
		});
		assertThat(output).contains("links.tree:2:3: link 'db -> /databases/main' leads nowhere");
	}

	@Test
	void withStrictLinksALinkIntoNowhereStopsStartupAndWritesNothing() {
		importing("classpath:zk-tree/nowhere/links.tree").withPropertyValues("zk.tree.import.strict-links=true")
			.run((context) -> {
			ZkTreeImportFailedException failure = findFailure(context.getStartupFailure());
			assertThat(failure.getLine()).isEqualTo(2);
			assertThat(failure).hasMessageEndingWith(
					"at line 2, column 3: link 'db -> /databases/main' leads nowhere: no node /databases/main");
		});
		connected().run((context) -> assertThat(context.getBean(ZkTemplate.class).exists("/shop")).isFalse());
	}

	@Test
	void aTreeFileThatIsNotUtf8StopsStartupNamingTheLineAndWritesNothing(@TempDir Path dir) throws Exception {
		Path file = Files.write(dir.resolve("latin1.tree"),
				"/latin\n  /cafe\n    name = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1));
		importing(file.toUri().toString()).run((context) -> {
			ZkTreeImportFailedException failure = findFailure(context.getStartupFailure());
			assertThat(failure.getLine()).isEqualTo(3);
			assertThat(failure).hasMessageEndingWith("latin1.tree at line 3, column 16: not UTF-8: bad byte 0xe9");
		});
		connected().run((context) -> assertThat(context.getBean(ZkTemplate.class).exists("/latin")).isFalse());
	}

	@Test
	void failOnErrorFalseOnlyLogsAndImportsTheRest(CapturedOutput output) {
		importing("classpath:zk-tree/bad/bad.tree,classpath:zk-tree/ok/10-cms.tree")
			.withPropertyValues("zk.tree.import.fail-on-error=false")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RecordedImports.class).events).singleElement()
					.satisfies((event) -> assertThat(event.getResource()).endsWith("10-cms.tree"));
				assertThat(context.getBean(ZkTemplate.class).exists("/cms/databases/main")).isTrue();
			});
		assertThat(output).contains("bad.tree at line 4, column 3: duplicate property: threads")
			.contains("zk.tree.import.fail-on-error=false, going on");
	}

	@Test
	void warnsOfALocationThatFindsNothing(CapturedOutput output) {
		importing("classpath*:zk-tree/none/*.tree").run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains("No tree found at classpath*:zk-tree/none/*.tree (zk.tree.import.locations)");
	}

	private static ZkTreeImportFailedException findFailure(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ZkTreeImportFailedException found) {
				return found;
			}
		}
		throw new AssertionError("no ZkTreeImportFailedException in " + failure);
	}

	/** A user's own tree bean. */
	@Configuration(proxyBeanMethods = false)
	static class MyTree {

		@Bean
		ZkTree myTree(ZkTemplate template) {
			return new ZkTree(template);
		}

	}

	/** Records the import events, as an application's {@code @EventListener} would see them. */
	static class RecordedImports {

		final List<ZkTreeImportedEvent> events = new CopyOnWriteArrayList<>();

		final List<String> order = new CopyOnWriteArrayList<>();

		@EventListener
		void on(ZkTreeImportedEvent event) {
			this.events.add(event);
			this.order.add("imported");
		}

		@EventListener
		void on(ContextRefreshedEvent event) {
			this.order.add("refreshed");
		}

	}

}
