package io.zkboot.watch;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.stream.IntStream;

import io.zkboot.core.ZkTemplate;
import io.zkboot.test.ZkTestServer;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many watches on one client: their reads are pipelined, not one blocked pool thread each (with
 * blocking reads, 2,000 watches made the cached pool start 150 to 400 threads on the build machine;
 * with background reads, about 40).
 */
class NodeWatchScaleTests {

	private static final int WATCHES = 2000;

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	@Test
	void thousandsOfWatchesStartWithoutAThreadEachAndEachSeesItsChanges() throws Exception {
		Map<String, byte[]> nodes = new LinkedHashMap<>();
		IntStream.range(0, WATCHES).forEach((i) -> nodes.put(path(i), "v0".getBytes(StandardCharsets.UTF_8)));
		new ZkTemplate(zk.other()).createTree(nodes);
		ThreadPoolExecutor pool = (ThreadPoolExecutor) Executors.newCachedThreadPool();
		Map<String, String> seen = new ConcurrentHashMap<>();
		NodeWatches watches = new NodeWatches();
		try (CuratorFramework client = CuratorFrameworkFactory.newClient(zk.connectString(), new RetryOneTime(100))) {
			client.start();
			client.blockUntilConnected();
			watches.startAll(IntStream.range(0, WATCHES)
				.mapToObj((i) -> new NodeWatch(client, path(i), WatchKind.DATA, pool, (snapshot) -> {
					seen.put(snapshot.path(), snapshot.text());
					return true;
				})));
			assertThat(seen).as("every watch told its node's state before startAll returned").hasSize(WATCHES);
			assertThat(seen.values()).containsOnly("v0");
			assertThat(pool.getLargestPoolSize()).as("threads the pool started for %d watches", WATCHES)
				.isLessThan(150);
			zk.set(path(1234), "v1");
			await().atMost(Duration.ofSeconds(20)).until(() -> "v1".equals(seen.get(path(1234))));
			assertThat(seen.get(path(1233))).isEqualTo("v0");
		}
		finally {
			watches.closeAll();
			pool.shutdownNow();
		}
	}

	private static String path(int index) {
		return String.format("/scale/n-%04d", index);
	}

}
