package io.zkboot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata an IDE completes {@code zk.*} from: what the annotation processor generates
 * from the properties classes, merged with the hand-written additions.
 */
class ZkConfigurationMetadataTests {

	private static Map<String, Object> metadata;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void read() throws IOException {
		// the module's own output, not the test classes' metadata
		URL classes = ZkAutoConfiguration.class.getProtectionDomain().getCodeSource().getLocation();
		try (InputStream in = new URL(classes, "META-INF/spring-configuration-metadata.json").openStream()) {
			metadata = JsonMapper.builder().build().readValue(in, Map.class);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> names(String section) {
		return ((List<Map<String, Object>>) metadata.get(section)).stream()
			.map((entry) -> (String) entry.get("name"))
			.toList();
	}

	@Test
	void everyPropertiesClassIsDescribed() {
		assertThat(names("groups")).contains("zk", "zk.retry", "zk.auth", "zk.tls", "zk.startup", "zk.embedded",
				"zk.tree.import", "zk.registry", "zk.discovery", "zk.config", "zk.leader", "zk.coordination",
				"management.endpoint.zktree");
		assertThat(names("properties")).contains("zk.connect-string", "zk.session-timeout", "zk.retry.max-retries",
				"zk.auth.scheme", "zk.tls.trust-store-type", "zk.tls.bundle", "zk.tree.import.locations",
				"zk.registry.host");
	}

	@Test
	void whatTheProcessorCannotSeeIsAdded() {
		assertThat(names("properties")).contains("management.health.zookeeper.enabled");
		assertThat(names("hints")).contains("zk.auth.scheme", "zk.tls.key-store-type", "zk.tls.trust-store-type",
				"zk.tree.import.locations");
	}

}
