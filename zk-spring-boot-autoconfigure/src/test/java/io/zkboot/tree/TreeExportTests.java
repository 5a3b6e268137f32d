package io.zkboot.tree;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TreeExportTests {

	private static final String FOOSERVICE = """
            /fooservice
              secret = '1234'
              threads = 3
              /providers
            """;

	@Test
	void exportsEverythingButZookeeperAndEphemeralNodes() {
		String expected = SeedTrees.FIRST_EXPORTED.replace("/lb : ipvs\n", FOOSERVICE + "/lb : ipvs\n");
		assertThat(text(Records.seed().list(), "/", false, null)).isEqualTo(expected);
	}

	@Test
	void exportsASubtree() {
		assertThat(text(Records.seed().list(), "/fooservice", false, null)).isEqualTo(FOOSERVICE);
		assertThat(text(Records.seed().list(), "/fooservice/", false, null)).isEqualTo(FOOSERVICE);
	}

	@Test
	void exportsEphemeralNodesOnRequest() {
		assertThat(text(Records.seed().list(), "/fooservice", true, null)).isEqualTo("""
                /fooservice
                  secret = '1234'
                  threads = 3
                  /providers
                    /192.168.0.42:8080
                      pid = 9999
                    /192.168.0.42:8081
                      pid = 9999
                    /192.168.0.42:8082
                      pid = 9999
                """);
		assertThat(text(Records.seed().list(), "/fooservice/providers/192.168.0.42:8080", false, null))
				.isEqualTo("\n");
	}

	@Test
	void renamesTheTopNode() {
		assertThat(text(Records.seed().list(), "/cms/databases/main", false, "cms"))
				.isEqualTo("/cms\n  /providers\n");
		assertThat(text(new Records().node("/a", "{}").node("/a/b", "{\"x\":1}").list(), "/", false, "all"))
				.isEqualTo("/all\n  /a\n    /b\n      x = 1\n");
	}

	@Test
	void showsReservedNodeWhenExportedItself() {
		assertThat(text(new Records().list(), "/zookeeper", false, null)).isEqualTo("/zookeeper\n  /quota\n");
	}

	@Test
	void rendersNonJsonDataAsStringValue() {
		assertThat(text(new Records().node("/raw", "line1\nline2").list(), "/raw", false, null))
				.isEqualTo("/raw\n  string_value = 'line1\\nline2'\n");
	}

	@Test
	void rejectsAMissingPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> TreeExport.model(Records.seed().list(), "/nope", false, null))
				.withMessage("no node /nope");
	}

	/** The text of an export from records: the model, rendered. */
	static String text(List<NodeRecord> records, String path, boolean ephemeral, String name) {
		return TreeRenderer.render(TreeExport.model(records, path, ephemeral, name));
	}
}
