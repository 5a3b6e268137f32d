package io.zkboot.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code zk import} and {@code zk validate} given bad tree files, against a real server: each
 * exits 1 with one line on standard error naming the file, line and column, and writes
 * nothing; links that zc.zk imports are imported with a warning unless {@code --strict-links}.
 */
class ZkCliTreeInputTests {

	@RegisterExtension
	static CliServer zk = new CliServer();

	@TempDir
	static Path dir;

	static Stream<Arguments> badFiles() {
		return Stream.of(
				Arguments.of("latin1.tree", bytes("/cli-in\n  x = 'caf", 0xe9, "'\n"), "2:11: not UTF-8: bad byte 0xe9"),
				Arguments.of("overlong.tree", bytes("/cli-in\n  x = '", 0xc0, 0xaf, "'\n"), "2:8: not UTF-8: bad byte 0xc0"),
				Arguments.of("surrogate.tree", bytes("/cli-in\n  x = '", 0xed, 0xa0, 0x80, "'\n"), "2:8: not UTF-8: bad byte 0xed"),
				Arguments.of("truncated.tree", bytes("/cli-in\n  x = '", 0xe2, 0x82), "2:8: not UTF-8: bad byte 0xe2"),
				Arguments.of("brackets.tree", text("/cli-in\n  x = " + "[".repeat(50_000) + "]".repeat(50_000) + "\n"),
						"2:506: lists, tuples and dicts nest deeper than 499 levels"),
				Arguments.of("dot.tree", text("/cli-in\n  /.\n"), "2:4: bad node name /.: relative paths not allowed"),
				Arguments.of("dotdot.tree", text("/cli-in\n  /..\n"), "2:5: bad node name /..: relative paths not allowed"),
				Arguments.of("nul.tree", text("/cli-in\n  /a\u0000\n"), "2:5: bad node name /a\\u0000: null character not allowed"),
				Arguments.of("climb.tree", text("/cli-in\n  l -> ../../seed\n"),
						"2:3: link 'l -> ../../seed' climbs above /: /cli-in/../../seed"),
				Arguments.of("big.tree", text("/cli-in\n  x = '" + "x".repeat(1_100_000) + "'\n"), "1:1: the data of /cli-in takes"),
				Arguments.of("syntax.tree", text("/cli-in\n  x = 1 +\n"), "2:9: expected the end of the value"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badFiles")
	void importExitsOneNamingFileLineAndColumnAndWritesNothing(String name, byte[] content, String where) throws Exception {
		Path file = Files.write(dir.resolve(name), content);
		CliRun run = CliRun.of("import", zk.connect(), file.toString());
		assertThat(run.status()).as(run.err()).isEqualTo(1);
		assertThat(run.err()).startsWith("zk import: " + file + ":" + where).hasLineCount(1);
		assertThat(zk.client().checkExists().forPath("/cli-in")).isNull();
		CliRun validate = CliRun.of("validate", file.toString());
		if (!name.equals("climb.tree") && !name.equals("big.tree")) {
			assertThat(validate.status()).isEqualTo(1);
			assertThat(validate.err()).startsWith("zk validate: " + file + ":" + where);
		}
	}

	@Test
	void linksThatZcZkAcceptsAreImportedWithWarningsOnStandardErrorUnlessStrict() throws Exception {
		Path file = Files.writeString(dir.resolve("links.tree"), "/cli-links\n  d -> /nowhere\n  own => /fooservice\n");
		CliRun strict = CliRun.of("import", "--strict-links", zk.connect(), file.toString());
		assertThat(strict.status()).isEqualTo(1);
		assertThat(strict.err()).isEqualTo("zk import: " + file + ":2:3: link 'd -> /nowhere' leads nowhere: no node /nowhere\n");
		CuratorFramework client = zk.client();
		assertThat(client.checkExists().forPath("/cli-links")).isNull();
		CliRun lenient = CliRun.of("import", zk.connect(), file.toString());
		assertThat(lenient.status()).as(lenient.err()).isZero();
		assertThat(lenient.err().lines().toList()).isEqualTo(List.of(
				"zk import: warning: " + file + ":2:3: link 'd -> /nowhere' leads nowhere: no node /nowhere",
				"zk import: warning: " + file + ":3:3: bad property link 'own => /fooservice': no node /fooservice"));
		assertThat(zk.data("/cli-links")).isEqualTo("{\"d ->\":\"/nowhere\",\"own =>\":\"/fooservice\"}");
	}

	private static byte[] text(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** Strings as UTF-8, numbers as single bytes. */
	private static byte[] bytes(Object... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (Object part : parts) {
			if (part instanceof String text) {
				out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
			}
			else {
				out.write((Integer) part);
			}
		}
		return out.toByteArray();
	}

}
