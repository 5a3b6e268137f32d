package io.zkboot.sample;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.curator.framework.CuratorFramework;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sample starts on its embedded server and answers over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zk.registry.instance-id=sample-1", "sample.job-period=200ms", "sample.job-hold-at-least=100ms" })
class SampleApplicationTests {

	@LocalServerPort
	int port;

	@Autowired
	CuratorFramework zooKeeper;

	private RestClient http() {
		return RestClient.create("http://localhost:" + this.port);
	}

	@Test
	void eventsShowTheFirstConnection() {
		List<Map<String, Object>> events = http().get()
			.uri("/sample/events")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(events).isNotEmpty();
		assertThat(events.get(0)).containsEntry("state", "CONNECTED").containsEntry("previousState", "LOST");
		assertThat((String) events.get(0).get("sessionId")).startsWith("0x");
	}

	@Test
	@SuppressWarnings("unchecked")
	void configShowsTheBoundNodeAndFollowsChanges() throws Exception {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			Map<String, Object> config = get("/sample/config");
			assertThat(config).containsEntry("node", "/config/zk-sample-app");
			assertThat((Map<String, Object>) config.get("values")).containsEntry("greeting", "Hello from ZooKeeper")
				.containsEntry("maxConnections", 10)
				.containsEntry("features", List.of("watch", "discovery"));
		});
		byte[] before = this.zooKeeper.getData().forPath("/config/zk-sample-app");
		try {
			this.zooKeeper.setData()
				.forPath("/config/zk-sample-app", "{\"greeting\":\"changed\",\"max-connections\":3}".getBytes());
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat((Map<String, Object>) get("/sample/config").get("values"))
					.containsEntry("greeting", "changed")
					.containsEntry("maxConnections", 3));
		}
		finally {
			this.zooKeeper.setData().forPath("/config/zk-sample-app", before);
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void watchedShowsWhatTheWatchMethodReceived() throws Exception {
		Map<String, Object> watched = get("/sample/watched");
		assertThat(watched).containsEntry("path", "/sample/watched");
		this.zooKeeper.setData().forPath("/sample/watched", "{\"message\":\"hi\"}".getBytes());
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Map<String, Object>> received = (List<Map<String, Object>>) get("/sample/watched").get("received");
			assertThat(received.get(received.size() - 1)).containsEntry("properties", Map.of("message", "hi"))
				.containsKey("time");
		});
	}

	@Test
	void instancesListTheSampleItselfFoundThroughDiscovery() {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Map<String, Object>> instances = http().get()
				.uri("/sample/instances")
				.retrieve()
				.body(new ParameterizedTypeReference<>() {
				});
			assertThat(instances).isNotEmpty()
				.allSatisfy((instance) -> assertThat(instance).containsEntry("serviceId", "zk-sample-app"))
				.anySatisfy((instance) -> assertThat((String) instance.get("uri")).endsWith(":" + this.port));
		});
	}

	@Test
	void zktreeShowsTheImportedTreeAsText() {
		String text = http().get().uri("/actuator/zktree/config").accept(MediaType.TEXT_PLAIN).retrieve().body(String.class);
		assertThat(text).contains("/config", "/zk-sample-app : config");
	}

	@Test
	void leaderShowsTheElectionThisInstanceLeads() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(get("/sample/leader")).containsEntry("path", "/sample/election")
				.containsEntry("id", "sample-1")
				.containsEntry("leader", "sample-1")
				.containsEntry("isLeader", true)
				.containsEntry("participants", List.of("sample-1")));
	}

	@Test
	@SuppressWarnings("unchecked")
	void jobsListTheLockedJobsRunsByThisInstance() throws Exception {
		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			List<Map<String, Object>> runs = (List<Map<String, Object>>) get("/sample/jobs").get("runs");
			assertThat(runs).hasSizeGreaterThanOrEqualTo(3)
				.allSatisfy((run) -> assertThat(run).containsEntry("id", "sample-1").containsKey("at"));
		});
		// another instance holding the lock keeps this one from running
		io.zkboot.coordination.ZkLock lock = new io.zkboot.coordination.ZkLocks(this.zooKeeper, "elsewhere",
				(event) -> {
				}, io.micrometer.observation.ObservationRegistry.NOOP, false)
			.lock("/sample/jobs/lock");
		lock.lock();
		try {
			Object lastBefore = lastRun();
			Thread.sleep(1_000);
			assertThat(lastRun()).isEqualTo(lastBefore);
		}
		finally {
			lock.unlock();
		}
	}

	private Object lastRun() {
		List<?> runs = (List<?>) get("/sample/jobs").get("runs");
		return runs.get(runs.size() - 1);
	}

	private Map<String, Object> get(String uri) {
		return http().get().uri(uri).retrieve().body(new ParameterizedTypeReference<>() {
		});
	}

	@Test
	void healthShowsTheZooKeeperConnection() {
		Map<String, Object> health = http().get()
			.uri("/actuator/health")
			.retrieve()
			.body(new ParameterizedTypeReference<>() {
			});
		assertThat(health).containsEntry("status", "UP");
		assertThat(health).extractingByKey("components")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.extractingByKey("zookeeper")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("status", "UP")
			.extractingByKey("details")
			.asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
			.containsEntry("state", "CONNECTED")
			.containsKeys("connectString", "sessionId", "serverVersion");
	}

}
