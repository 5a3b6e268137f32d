package io.zkboot.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.Security;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the Spring applications the benchmarks compare, in this process: quiet logging, no
 * banner, a free port, every actuator endpoint exposed; and the lists of auto-configurations that
 * keep one configuration mechanism per application.
 */
final class BenchApps {

	private BenchApps() {
	}

	/**
	 * Keeps failed host name lookups for the run. Spring Cloud Commons looks the host name up on
	 * every refresh, with a 1 s timeout; where reverse DNS does not answer (as on the benchmark
	 * machine) and the JVM retries a failed lookup every 10 s, one refresh in ten seconds would
	 * wait 1 s for the machine's DNS.
	 */
	static void keepFailedHostLookups() {
		Security.setProperty("networkaddress.cache.negative.ttl", "-1");
	}

	/**
	 * Starts an application.
	 * @param application its configuration class
	 * @param type its web application type
	 * @param arguments its command line arguments
	 * @return the started context
	 */
	static ConfigurableApplicationContext run(Class<?> application, WebApplicationType type, String... arguments) {
		return new SpringApplicationBuilder(application).web(type)
			.properties("logging.level.root=WARN", "spring.main.banner-mode=off", "server.port=0",
					"management.endpoints.web.exposure.include=*")
			.run(arguments);
	}

	/**
	 * The auto-configurations on the class path whose names start with the prefix, comma
	 * separated, so that the Spring Cloud Zookeeper applications run without ours and ours
	 * without Spring Cloud Zookeeper's.
	 * @param prefix the start of the names ({@code io.zkboot} or
	 * {@code org.springframework.cloud.zookeeper})
	 * @return the names, for {@code spring.autoconfigure.exclude}
	 * @throws IOException when an imports file cannot be read
	 */
	static String autoConfigurations(String prefix) throws IOException {
		List<String> names = new ArrayList<>();
		Enumeration<URL> imports = BenchApps.class.getClassLoader()
			.getResources("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
		for (URL url : Collections.list(imports)) {
			try (InputStream in = url.openStream()) {
				new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip)
					.filter((line) -> line.startsWith(prefix))
					.forEach(names::add);
			}
		}
		return String.join(",", names);
	}

}
