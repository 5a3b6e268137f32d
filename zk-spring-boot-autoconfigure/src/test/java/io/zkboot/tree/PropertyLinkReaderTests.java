package io.zkboot.tree;

import java.util.NoSuchElementException;

import io.zkboot.core.ZkConnectionLossException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PropertyLinkReaderTests {

	private static PropertyLinkReader reader(String text, String base) {
		TreeNode tree = TreeParser.parse(text, "test");
		return new PropertyLinkReader(NodeReader.forTree(tree, base));
	}

	@Test
	void readsTheSeedPropertyLink() {
		PropertyLinkReader props = reader(SeedTrees.PROPERTY_LINKS, "/test-propery-links");
		assertThat(props.get("/test-propery-links/cms", "threads =>")).isEqualTo("/fooservice threads");
		assertThatThrownBy(() -> props.get("/test-propery-links/cms", "threads"))
				.isInstanceOf(BadPropertyLinkException.class)
				.hasMessage("bad property link 'threads => /fooservice threads': no node /fooservice");
		assertThat(reader(SeedTrees.PROPERTY_LINKS, "/").get("/cms", "threads")).isEqualTo(3);
	}

	@Test
	void followsRelativeChainedAndParentLinks() {
		String text = """
                /app
                  threads = 4
                  /web
                    threads => ..
                    pool => ../db size
                    via => /app/web pool
                  /db
                    size = 10
                  link -> /app/db
                  /other
                    size => ../link
                """;
		PropertyLinkReader props = reader(text, "/");
		assertThat(props.get("/app/web", "threads")).isEqualTo(4);
		assertThat(props.get("/app/web", "pool")).isEqualTo(10);
		assertThat(props.get("/app/web", "via")).isEqualTo(10);
		assertThat(props.get("/app/other", "size")).isEqualTo(10);
		assertThat(props.get("/app", "threads")).isEqualTo(4);
	}

	@Test
	void passesALostConnectionThroughInsteadOfReportingABadLink() {
		TreeNode tree = TreeParser.parse("/a\n  x => /b\n/b\n  x = 1\n", "test");
		NodeReader text = NodeReader.forTree(tree, "/");
		NodeReader lostOnB = (path) -> {
			if (path.equals("/b")) {
				throw new ZkConnectionLossException("connection to ZooKeeper lost: /b", path, null);
			}
			return text.properties(path);
		};
		PropertyLinkReader props = new PropertyLinkReader(lostOnB);
		assertThatThrownBy(() -> props.get("/a", "x")).isInstanceOf(ZkConnectionLossException.class)
			.hasMessage("connection to ZooKeeper lost: /b");
		assertThatThrownBy(() -> props.readAll("/a", text.properties("/a").orElseThrow(), (name, value) -> {
		}, (name, bad) -> {
			throw new AssertionError("reported as a bad link: " + bad);
		})).isInstanceOf(ZkConnectionLossException.class);
	}

	@Test
	void reportsBadLinks() {
		String text = """
                /a
                  x => /a y
                  y => /a x
                  own = 1
                  own => /nowhere
                  missing => /a nothing
                """;
		PropertyLinkReader props = reader(text, "/");
		assertThatThrownBy(() -> props.get("/a", "x")).isInstanceOf(BadPropertyLinkException.class)
				.hasRootCauseInstanceOf(LinkLoopException.class)
				.hasMessageContaining("link loop: /a -> /a");
		PropertyLinkReader stored = new PropertyLinkReader(NodeReader.forRecords(
				new Records().node("/a", "{\"z =>\":\"/a p q\",\"e =>\":\" \"}").list()));
		assertThatThrownBy(() -> stored.get("/a", "z")).hasMessage("bad property link 'z => /a p q': Invalid property link");
		assertThatThrownBy(() -> stored.get("/a", "e")).hasMessage("bad property link 'e =>  ': Invalid property link");
		assertThat(props.get("/a", "own")).isEqualTo(1);
		assertThatThrownBy(() -> props.get("/a", "missing")).hasMessage(
				"bad property link 'missing => /a nothing': no property nothing at /a");
		assertThatThrownBy(() -> props.get("/a", "none")).isInstanceOf(NoSuchElementException.class);
	}
}
