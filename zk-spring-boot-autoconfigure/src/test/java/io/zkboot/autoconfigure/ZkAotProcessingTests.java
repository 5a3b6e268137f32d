package io.zkboot.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.zkboot.coordination.ZkLeaderOnly;
import io.zkboot.coordination.ZkLeaderOnlyLifecycles;
import io.zkboot.coordination.ZkLocked;
import io.zkboot.coordination.ZkLockedBeanPostProcessor;
import io.zkboot.watch.ZkWatch;
import org.apache.zookeeper.data.Stat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.TypeReference;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.javapoet.ClassName;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring's AOT processing (what {@code spring-boot:process-aot} runs) on the starter's beans: a
 * native image gets the {@code @ZkWatch} methods and what they bind, the proxy classes of
 * {@code @ZkLocked} and {@code @ZkLeaderOnly} beans are generated at build time, and a
 * {@code zk:} configuration import neither starts the embedded server nor connects.
 */
class ZkAotProcessingTests {

	@Test
	void zkWatchMethodsAreInvokedAndTheirTypesBound() throws Exception {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		RuntimeHints hints = process(files, Watchers.class);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Watcher.class.getDeclaredMethod("settingsChanged", Settings.class, Stat.class)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Watcher.class.getDeclaredMethod("providersChanged", List.class))).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(Watcher.class.getDeclaredMethod("propertiesChanged", Map.class))).accepts(hints);
		// bound by Jackson: created and filled reflectively
		assertThat(RuntimeHintsPredicates.reflection().onType(Settings.class)).accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection()
			.onMethodInvocation(ReflectionUtils.findMethod(Settings.class, "setGreeting", String.class)))
			.accepts(hints);
		assertThat(RuntimeHintsPredicates.reflection().onType(Settings.Nested.class)).accepts(hints);
	}

	@Test
	void lockedAndLeaderOnlyBeansGetTheirProxyClassesAtBuildTime() {
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		RuntimeHints hints = process(files, Proxied.class);
		for (Class<?> proxied : List.of(Job.class, LeaderOnlyWork.class)) {
			String proxyClass = proxied.getName() + "$$SpringCGLIB$$0";
			assertThat(files.getGeneratedFiles(Kind.CLASS)).containsKey(proxyClass.replace('.', '/') + ".class");
			assertThat(RuntimeHintsPredicates.reflection().onType(TypeReference.of(proxyClass))).accepts(hints);
		}
		assertThat(files.getGeneratedFiles(Kind.CLASS).keySet())
			.noneMatch((file) -> file.contains(Plain.class.getSimpleName() + "$$SpringCGLIB"));
	}

	@Test
	void aConfigImportStartsNoServerAndReadsNothingDuringAotProcessing(@TempDir Path dir) {
		Path dataDir = dir.resolve("zookeeper-data");
		AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
			.sourceOutput(dir.resolve("sources"))
			.resourceOutput(dir.resolve("resources"))
			.classOutput(dir.resolve("classes"))
			.groupId("io.zkboot")
			.artifactId("aot-test")
			.build();
		// a node that does not exist, and no optional: read, it would fail the build
		ClassName initializer = new SpringApplicationAotProcessor(ImportingApplication.class, settings,
				new String[] { "--spring.config.import=zk:/config/missing", "--zk.embedded.enabled=true",
						"--zk.embedded.data-dir=" + dataDir, "--spring.main.web-application-type=none" })
			.process();
		assertThat(initializer.simpleName()).isEqualTo("ZkAotProcessingTests_ImportingApplication__ApplicationContextInitializer");
		assertThat(dataDir).doesNotExist();
		assertThat(System.getProperty(AbstractAotProcessor.AOT_PROCESSING)).isNull();
	}

	private static RuntimeHints process(InMemoryGeneratedFiles files, Class<?> configuration) {
		GenericApplicationContext context = new GenericApplicationContext();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
		context.registerBeanDefinition("configuration", new RootBeanDefinition(configuration));
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(ZkAotProcessingTests.class.getPackageName(), "AotTest")), files);
		new ApplicationContextAotGenerator().processAheadOfTime(context, generation);
		generation.writeGeneratedContent();
		context.close();
		return generation.getRuntimeHints();
	}

	@Configuration(proxyBeanMethods = false)
	static class Watchers {

		@Bean
		Watcher watcher() {
			return new Watcher();
		}

	}

	public static class Watcher {

		@ZkWatch("/config/settings")
		void settingsChanged(Settings settings, Stat stat) {
		}

		@ZkWatch(path = "/services/billing/providers", children = true)
		void providersChanged(List<String> providers) {
		}

		@ZkWatch("/config/properties")
		void propertiesChanged(Map<String, Object> properties) {
		}

	}

	public static class Settings {

		private String greeting;

		private Nested nested;

		public String getGreeting() {
			return this.greeting;
		}

		public void setGreeting(String greeting) {
			this.greeting = greeting;
		}

		public Nested getNested() {
			return this.nested;
		}

		public void setNested(Nested nested) {
			this.nested = nested;
		}

		public record Nested(int size) {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Proxied {

		@Bean
		static ZkLockedBeanPostProcessor zkLockedBeanPostProcessor() {
			return new ZkLockedBeanPostProcessor(() -> {
				throw new IllegalStateException("no lock is taken during AOT processing");
			});
		}

		@Bean
		static ZkLeaderOnlyLifecycles zkLeaderOnlyLifecycles() {
			return new ZkLeaderOnlyLifecycles();
		}

		@Bean
		Job job() {
			return new Job();
		}

		@Bean
		LeaderOnlyWork leaderOnlyWork() {
			return new LeaderOnlyWork();
		}

		@Bean
		Plain plain() {
			return new Plain();
		}

	}

	public static class Job {

		@ZkLocked(path = "/jobs/lock")
		public void run() {
		}

	}

	@ZkLeaderOnly
	public static class LeaderOnlyWork implements SmartLifecycle {

		private volatile boolean running;

		@Override
		public void start() {
			this.running = true;
		}

		@Override
		public void stop() {
			this.running = false;
		}

		@Override
		public boolean isRunning() {
			return this.running;
		}

	}

	public static class Plain {

	}

	@SpringBootConfiguration(proxyBeanMethods = false)
	public static class ImportingApplication {

		public static void main(String[] args) {
			SpringApplication.run(ImportingApplication.class, args);
		}

	}

}
