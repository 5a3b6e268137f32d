package io.zkboot.discovery;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.zkboot.core.NodeProperties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How an instance's properties are stored and read back.
 */
class ZkInstanceCodecTests {

	private static final long PID = ProcessHandle.current().pid();

	private final ZkRegistration registration = new ZkRegistration("billing", "billing-1", "/services/billing/providers",
			List.of("10.0.0.5"), 8443, true, Map.of("zone", "eu"));

	@Test
	void storesPidInstanceIdSchemeSecureStatusAndMetadataAsCompactJson() {
		byte[] data = NodeProperties.encode(ZkInstanceCodec.properties(this.registration, ZkInstanceStatus.UP));
		assertThat(new String(data, StandardCharsets.US_ASCII)).isEqualTo("{\"pid\":" + PID
				+ ",\"instanceId\":\"billing-1\",\"scheme\":\"https\",\"secure\":true,\"status\":\"UP\",\"metadata\":{\"zone\":\"eu\"}}");
	}

	@Test
	void readsBackWhatItStores() {
		byte[] data = NodeProperties.encode(ZkInstanceCodec.properties(this.registration, ZkInstanceStatus.UP));
		ZkServiceInstance instance = ZkInstanceCodec.discover("billing", "10.0.0.5:8443", data).orElseThrow();
		assertThat(instance.getInstanceId()).isEqualTo("billing-1");
		assertThat(instance.getHost()).isEqualTo("10.0.0.5");
		assertThat(instance.getPort()).isEqualTo(8443);
		assertThat(instance.isSecure()).isTrue();
		assertThat(instance.getUri()).hasToString("https://10.0.0.5:8443");
		assertThat(instance.getMetadata()).containsEntry("zone", "eu").containsEntry("pid", String.valueOf(PID));
	}

	@Test
	void readsAZcZkNodeHoldingOnlyAPid() {
		ZkServiceInstance instance = ZkInstanceCodec
			.discover("fooservice", "192.168.0.42:8080", "{\"pid\":9999}".getBytes(StandardCharsets.UTF_8))
			.orElseThrow();
		assertThat(instance.getInstanceId()).isEqualTo("192.168.0.42:8080");
		assertThat(instance.getServiceId()).isEqualTo("fooservice");
		assertThat(instance.getUri()).hasToString("http://192.168.0.42:8080");
		assertThat(instance.getMetadata()).containsExactly(Map.entry("pid", "9999"));
	}

	@Test
	void readsEmptyAndNonJsonDataAsAPlainInstance() {
		assertThat(ZkInstanceCodec.discover("s", "h:1", null)).isPresent();
		assertThat(ZkInstanceCodec.discover("s", "h:1", "hello".getBytes(StandardCharsets.UTF_8)).orElseThrow()
			.getMetadata()).containsEntry(NodeProperties.STRING_VALUE, "hello");
	}

	@Test
	void otherPropertiesAreMetadataAsTextAndTheMetadataObjectWins() {
		String json = "{\"a\":1,\"zone\":\"top\",\"tags\":[\"x\"],\"metadata\":{\"zone\":\"eu\"}}";
		ZkServiceInstance instance = ZkInstanceCodec.discover("s", "h:1", json.getBytes(StandardCharsets.UTF_8))
			.orElseThrow();
		assertThat(instance.getMetadata()).containsEntry("a", "1").containsEntry("zone", "eu")
			.containsEntry("tags", "[\"x\"]");
	}

	@Test
	void outOfServiceInstancesAndNamesOtherThanHostPortAreNotDiscovered() {
		assertThat(ZkInstanceCodec.discover("s", "h:1", "{\"status\":\"OUT_OF_SERVICE\"}".getBytes(StandardCharsets.UTF_8)))
			.isEmpty();
		assertThat(ZkInstanceCodec.discover("s", "notes", null)).isEmpty();
		assertThat(ZkInstanceCodec.discover("s", "h:http", null)).isEmpty();
		assertThat(ZkInstanceCodec.discover("s", "h:0", null)).isEmpty();
	}

	@Test
	void aBracketedIpv6HostIsUnbracketed() {
		ZkServiceInstance instance = ZkInstanceCodec.discover("s", "[::1]:8080", null).orElseThrow();
		assertThat(instance.getHost()).isEqualTo("::1");
		assertThat(instance.getUri()).hasToString("http://[::1]:8080");
	}

	@Test
	void ownershipNeedsThisPidAndTheInstanceId() {
		Map<String, Object> stored = ZkInstanceCodec.properties(this.registration, ZkInstanceStatus.UP);
		assertThat(ZkInstanceCodec.isOwnedBy(stored, "billing-1")).isTrue();
		assertThat(ZkInstanceCodec.isOwnedBy(stored, "billing-2")).isFalse();
		assertThat(ZkInstanceCodec.isOwnedBy(Map.of("pid", 1, "instanceId", "billing-1"), "billing-1")).isFalse();
	}

}
