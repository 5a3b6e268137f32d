package io.zkboot.sample;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
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

	@Autowired
	RestClient.Builder restClientBuilder;

	private RestClient http() {
		return this.restClientBuilder.baseUrl("http://localhost:" + this.port).build();
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

}
