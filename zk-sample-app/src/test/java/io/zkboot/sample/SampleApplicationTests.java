package io.zkboot.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts on its embedded server and answers over HTTP.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SampleApplicationTests {

	@LocalServerPort
	int port;

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
