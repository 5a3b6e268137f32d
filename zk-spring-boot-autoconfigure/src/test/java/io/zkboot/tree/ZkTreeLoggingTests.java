package io.zkboot.tree;

import java.util.List;
import java.util.regex.Pattern;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import io.zkboot.test.EmbeddedZooKeeperExtension;
import org.apache.curator.framework.CuratorFramework;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A recursive delete or an import is one INFO line, however many nodes it touches; the
 * nodes themselves are logged at DEBUG.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZkTreeLoggingTests {

	@RegisterExtension
	static EmbeddedZooKeeperExtension zooKeeper = new EmbeddedZooKeeperExtension();

	private static final String TREE = """
			/logged
			  /a
			    /a1
			    /a2
			  /b
			""";

	/** INFO lines of the tree and delete classes, in logback's pattern or in Spring Boot's. */
	private static final Pattern OWN_INFO = Pattern.compile("\\bINFO\\b.*\\b(ZkTree|TreeImporter|RecursiveDeleter)\\b");

	private static CuratorFramework client;

	private static ZkTemplate template;

	private static ZkTree tree;

	@BeforeAll
	static void start() throws Exception {
		// applications started by other tests in this JVM may have left other levels behind
		LoggingSystem.get(ZkTreeLoggingTests.class.getClassLoader()).setLogLevel("io.zkboot", LogLevel.INFO);
		client = TreeClients.connect(zooKeeper.getConnectString());
		template = new ZkTemplate(client);
		tree = new ZkTree(template);
	}

	@AfterAll
	static void stop() {
		client.close();
		LoggingSystem.get(ZkTreeLoggingTests.class.getClassLoader()).setLogLevel("io.zkboot", null);
	}

	@BeforeEach
	void noTree() {
		if (template.exists("/logged")) {
			template.deleteRecursive("/logged", DeleteOptions.defaults());
		}
	}

	private static List<String> infoLines(CapturedOutput output) {
		return output.getOut().lines().filter((line) -> OWN_INFO.matcher(line).find()).toList();
	}

	@Test
	void anImportAndARecursiveDeleteAreOneInfoLineEach(CapturedOutput output) {
		tree.importTree(TREE, "logged.tree", ImportOptions.defaults());
		assertThat(infoLines(output)).singleElement()
			.asString()
			.endsWith("Imported tree logged.tree at /: 5 added, 0 updated, 0 unchanged, 0 deleted, 0 not trimmed");
		template.deleteRecursive("/logged", DeleteOptions.defaults());
		assertThat(infoLines(output)).hasSize(2).last().asString().endsWith("Deleted 5 node(s) at /logged");
		assertThat(template.exists("/logged")).isFalse();
	}

	@Test
	void aDryRunIsOneLineThatListsWhatItWouldDo(CapturedOutput output) {
		tree.importTree(TREE, "dry.tree", ImportOptions.defaults().withDryRun());
		assertThat(infoLines(output)).singleElement().asString().contains("Dry run of tree dry.tree at /: 5 added");
		assertThat(output.getOut()).contains("Dry run of tree dry.tree at /: 5 added, 0 updated, 0 unchanged, 0 deleted, 0 not trimmed"
				+ System.lineSeparator() + "  add /logged");
		assertThat(template.exists("/logged")).isFalse();
	}

}
