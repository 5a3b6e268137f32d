package io.zkboot.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import io.zkboot.core.DeleteOptions;
import io.zkboot.core.ZkTemplate;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ZkTree;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * {@code /actuator/zktree} over HTTP (JSON and text) against the tree exporter's own time
 * ({@link ZkTree#export}) for the same subtree, on the same server in the same run. Goal: the
 * endpoint answers in at most 1.5 times the exporter's time (a ratio of at least 0.67).
 */
final class EndpointBenchmark implements Benchmark {

	private static final int WARMUPS = 3;

	private static final String BASE = "/bench-endpoint";

	@Override
	public String name() {
		return "zktree-endpoint";
	}

	@Override
	public List<Result> run(BenchmarkContext context) throws Exception {
		ZkTemplate template = new ZkTemplate(context.client());
		ZkTree zkTree = new ZkTree(template);
		template.ensurePath(BASE);
		int nodes = zkTree
			.importTree(TreeImportExportBenchmark.text(context.nodes()), "bench.tree",
					ImportOptions.defaults().withBasePath(BASE))
			.added()
			.size();
		String connectString = context.client().getZookeeperClient().getCurrentConnectionString();
		BestTimes best = new BestTimes();
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(App.class)
			.web(WebApplicationType.SERVLET)
			.run("--server.port=0", "--zk.connect-string=" + connectString,
					"--management.endpoints.web.exposure.include=zktree",
					"--management.endpoint.zktree.show-values=always", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off",
					// Spring Cloud is on this module's classpath for the watch and discovery
					// benchmarks; it stays out of this application
					"--spring.cloud.zookeeper.enabled=false", "--spring.cloud.zookeeper.config.enabled=false",
					"--spring.cloud.discovery.enabled=false", "--spring.cloud.service-registry.enabled=false",
					"--spring.cloud.refresh.enabled=false")) {
			int port = ((WebServerApplicationContext) app).getWebServer().getPort();
			URI uri = URI.create("http://localhost:" + port + "/actuator/zktree" + BASE + "/shop");
			HttpClient http = HttpClient.newHttpClient();
			for (int run = 0; run < WARMUPS + context.runs(); run++) {
				boolean measured = run >= WARMUPS;
				best.record("exporter", measured, () -> zkTree.export(BASE + "/shop"));
				best.record("json", measured, () -> get(http, uri, "application/json"));
				best.record("text", measured, () -> get(http, uri, "text/plain"));
			}
		}
		finally {
			template.deleteRecursive(BASE, DeleteOptions.defaults().withForce());
		}
		double exporter = best.millis("exporter");
		String operation = "the tree of a subtree";
		return List.of(new Result(name(), operation, "ZkTree.export (the exporter)", nodes, exporter, 0),
				new Result(name(), operation, "GET /actuator/zktree, text/plain", nodes, best.millis("text"), exporter),
				new Result(name(), operation, "GET /actuator/zktree, JSON", nodes, best.millis("json"), exporter));
	}

	private static void get(HttpClient http, URI uri, String accept) throws Exception {
		HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).header("Accept", accept).build(),
				HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200 || response.body().length == 0) {
			throw new IllegalStateException("GET " + uri + " answered " + response.statusCode());
		}
	}

	/** The web application serving the endpoint. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class App {

	}

}
