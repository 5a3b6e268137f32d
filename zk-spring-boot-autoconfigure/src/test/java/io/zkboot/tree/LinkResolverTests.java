package io.zkboot.tree;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LinkResolverTests {

	private static LinkResolver resolver(String text) {
		return new LinkResolver(NodeReader.forRecords(new Records().tree(text, "/").list()));
	}

	@Test
	void normalizesDotsAsZcZk() {
		assertThat(LinkResolver.normalizeDots("/a/./b")).isEqualTo("/a/b");
		assertThat(LinkResolver.normalizeDots("/a/b/..")).isEqualTo("/a");
		assertThat(LinkResolver.normalizeDots("/top/a/b/c/d/./../..")).isEqualTo("/top/a/b");
		assertThat(LinkResolver.normalizeDots("/a/..")).isEmpty();
		assertThat(LinkResolver.normalizeDots("/..")).isEqualTo("/..");
		assertThat(LinkResolver.normalizeDots("/a/../../a")).isEqualTo("/../a");
	}

	@Test
	void resolvesTheSeedLinks() {
		LinkResolver seed = new LinkResolver(NodeReader.forRecords(Records.seed()
				.ephemeral("/cms/providers/1.2.3.4:5", "{\"pid\":1}").list()));
		assertThat(seed.resolve("/lb/pools/cms/providers")).isEqualTo("/cms/providers");
		assertThat(seed.resolve("/lb/pools/cms/providers/1.2.3.4:5")).isEqualTo("/cms/providers/1.2.3.4:5");
		assertThat(seed.resolve("/retail/databases/main/providers")).isEqualTo("/cms/databases/main/providers");
		assertThat(seed.resolve("/cms")).isEqualTo("/cms");
		assertThat(seed.resolve("/")).isEqualTo("/");
	}

	@Test
	void resolvesRelativeLinks() {
		LinkResolver relative = resolver(SeedTrees.RELATIVE_LINKS);
		assertThat(relative.resolve("/a/b/l")).isEqualTo("/a/b/c");
		assertThat(relative.resolve("/a/b/l2")).isEqualTo("/a/c");
		assertThat(relative.resolve("/a/b/./l2/..")).isEqualTo("/a/b");
		assertThat(resolver("/a\n  up -> ..\n").resolve("/a/up")).isEqualTo("/");
	}

	@Test
	void followsChainsAndLetsChildrenShadowLinks() {
		LinkResolver chain = resolver("/a\n  l1 -> l2\n  l2 -> /b/l3\n  shadow -> /b\n  /shadow\n/b\n  l3 -> /t\n/t\n  /x\n");
		assertThat(chain.resolve("/a/l1/x")).isEqualTo("/t/x");
		assertThat(chain.resolve("/a/shadow")).isEqualTo("/a/shadow");
	}

	@Test
	void reportsLoopsWithThePathsFollowed() {
		LinkResolver loop = resolver("/top\n  /a\n    loop -> b/loop\n    /b\n      loop -> ../loop\n");
		assertThatThrownBy(() -> loop.resolve("/top/a/loop")).isInstanceOfSatisfying(LinkLoopException.class, ex -> {
			assertThat(ex.paths()).containsExactly("/top/a/loop", "/top/a/b/loop", "/top/a/loop");
			assertThat(ex).hasMessage("link loop: /top/a/loop -> /top/a/b/loop -> /top/a/loop");
		});
	}

	@Test
	void reportsMissingPathsWithTheCallersPath() {
		LinkResolver broken = resolver("/top\n  /a\n    l -> /nowhere\n");
		assertThatThrownBy(() -> broken.resolve("/top/a/l/x")).isInstanceOfSatisfying(NoSuchNodeException.class,
				ex -> assertThat(ex.path()).isEqualTo("/top/a/l/x"));
		assertThatThrownBy(() -> broken.resolve("/top/b")).hasMessage("no node /top/b");
	}
}
