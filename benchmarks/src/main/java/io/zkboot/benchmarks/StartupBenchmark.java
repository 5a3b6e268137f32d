package io.zkboot.benchmarks;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.curator.framework.CuratorFramework;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * Startup time of a fresh JVM, from starting the process to {@code /actuator/health} answering
 * {@code UP} over HTTP (and the processor time the JVM used until then, which a busy machine
 * stretches less), of four applications on this benchmark's server (the one {@link Main}
 * started, an external server to all), in one run:
 *
 * <ol>
 * <li>a bare Spring Boot web application: the same starters as the sample (web MVC, actuator), no
 * bean of its own, without ZooKeeper or Spring Cloud on its class path (the baseline);</li>
 * <li>the same application with the starter on its class path, connected to the server
 * ({@code zk.connect-string}): what the starter's auto-configurations add;</li>
 * <li>the sample application ({@code io.zkboot.sample.SampleApplication}, its own configuration:
 * {@code zk:} import, tree import, registration, leader election, a locked job), on the server
 * ({@code zk.connect-string}, so the embedded server is off), without Spring Cloud Zookeeper on
 * its class path;</li>
 * <li>a Spring Cloud Zookeeper 5.0.1 application: configuration imported from the server
 * ({@code spring.config.import=zookeeper:}) and the instance registered (discovery), without
 * ours on its class path.</li>
 * </ol>
 *
 * Each class path is the benchmark's own, less what the application does not have (by the jars'
 * Maven coordinates), the sample's with its classes from {@code zk-sample-app/target/classes}
 * (built by {@code mvn package}; another place with {@code -Dbenchmark.sample-classes=...}).
 * Every application is started once not counted (the operating system's file cache), then
 * {@value #STARTS} times, in an order shuffled every round, one at a time; each is stopped and
 * gone before the next starts.
 */
final class StartupBenchmark implements Benchmark {

	private static final int STARTS = 6;

	private static final long TIMEOUT = TimeUnit.SECONDS.toNanos(60);

	private static final String OPERATION = "JVM start to /actuator/health UP";

	private static final String CPU_OPERATION = "processor time of the JVM until /actuator/health UP";

	private static final Predicate<String> SPRING_CLOUD_ZOOKEEPER = jar("org/springframework/cloud/spring-cloud-zookeeper-")
		.or(jar("org/springframework/cloud/spring-cloud-context/"))
		.or(jar("org/apache/curator/curator-x-discovery/"));

	// from the Maven repository, or from the reactor's target directory when built with -am
	private static final Predicate<String> OURS = jar("io/zkboot/").or(module("zk-spring-boot-autoconfigure"))
		.or(module("zk-spring-boot-starter"));

	private static final Predicate<String> ZOOKEEPER = jar("org/springframework/cloud/")
		.or(jar("org/apache/curator/"))
		.or(jar("org/apache/zookeeper/"))
		.or(OURS);

	private static final Predicate<String> TESTING = jar("org/apache/curator/curator-test/");

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

	@Override
	public String name() {
		return "startup";
	}

	@Override
	public List<LatencyResult> run(BenchmarkContext context) throws Exception {
		CuratorFramework client = context.client();
		String connectString = client.getZookeeperClient().getCurrentConnectionString();
		for (String[] property : new String[][] { { "greeting", "Hello from ZooKeeper" }, { "max-connections", "10" } }) {
			ChangeRounds.set(client, "/scz-startup/zk-sample-app/" + property[0], property[1]);
		}
		String benchmarkClasses = classesOf(StartupBenchmark.class);
		List<String> classPath = Arrays.asList(System.getProperty("java.class.path").split(File.pathSeparator));
		List<Application> applications = List.of(
				new Application("bare Spring Boot web application (web MVC, actuator; baseline)",
						classPath(benchmarkClasses, classPath, ZOOKEEPER.or(TESTING)), BareWebApp.class.getName()),
				new Application("the same bare application with the zk-spring-boot starter (no bean of its own, "
						+ "server at zk.connect-string)", classPath(benchmarkClasses, classPath,
								SPRING_CLOUD_ZOOKEEPER.or(TESTING)), BareWebApp.class.getName(),
						"--zk.connect-string=" + connectString),
				new Application("the sample application (zk-spring-boot starter, server at zk.connect-string)",
						classPath(sampleClasses(), classPath, SPRING_CLOUD_ZOOKEEPER.or(TESTING)),
						"io.zkboot.sample.SampleApplication", "--zk.connect-string=" + connectString),
				new Application("Spring Cloud Zookeeper 5.0.1 application (config import, discovery registration)",
						classPath(benchmarkClasses, classPath, OURS.or(TESTING)), SpringCloudApp.class.getName(),
						"--spring.application.name=zk-sample-app", "--spring.config.import=zookeeper:" + connectString,
						"--spring.cloud.zookeeper.connect-string=" + connectString,
						"--spring.cloud.zookeeper.config.root=scz-startup"));
		Map<Application, List<Long>> times = new LinkedHashMap<>();
		Map<Application, List<Long>> cpuTimes = new LinkedHashMap<>();
		applications.forEach((application) -> times.put(application, new ArrayList<>()));
		applications.forEach((application) -> cpuTimes.put(application, new ArrayList<>()));
		List<Application> order = new ArrayList<>(applications);
		Random random = new Random(42);
		for (int i = 0; i <= STARTS; i++) {
			Collections.shuffle(order, random);
			for (Application application : order) {
				Start start = startToHealthUp(application);
				if (i > 0) {
					times.get(application).add(start.nanos());
					cpuTimes.get(application).add(start.cpuNanos());
				}
			}
		}
		List<LatencyResult> rows = new ArrayList<>(rows(OPERATION, applications, times));
		rows.addAll(rows(CPU_OPERATION, applications, cpuTimes));
		return rows;
	}

	/** One row per application, the first the baseline of the others. */
	private List<LatencyResult> rows(String operation, List<Application> applications,
			Map<Application, List<Long>> nanos) {
		List<LatencyResult> rows = new ArrayList<>();
		LatencyResult bare = null;
		for (Application application : applications) {
			LatencyResult row = LatencyResult.of(name(), operation, application.name(),
					nanos.get(application).stream().mapToLong(Long::longValue).toArray(), TIMEOUT, bare);
			bare = (bare != null) ? bare : row;
			rows.add(row);
		}
		return rows;
	}

	/**
	 * Starts the application in a new JVM and polls its health until it answers {@code UP};
	 * then stops it and waits until it is gone.
	 * @return the time to {@code UP}, and the processor time the JVM used until then
	 */
	private Start startToHealthUp(Application application) throws Exception {
		int port = freePort();
		Path log = Files.createTempFile("startup-", ".log");
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", application.classPath(), application.mainClass(), "--server.port=" + port,
				"--logging.level.root=WARN", "--spring.main.banner-mode=off"));
		command.addAll(application.arguments());
		URI health = URI.create("http://localhost:" + port + "/actuator/health");
		long start = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		try {
			while (!isUp(health)) {
				if (!process.isAlive() || System.nanoTime() - start > TIMEOUT) {
					throw new IllegalStateException(application.name() + " did not answer UP at " + health + " within "
							+ TimeUnit.NANOSECONDS.toSeconds(TIMEOUT) + " s (exit code "
							+ (process.isAlive() ? "none, still running" : process.exitValue()) + "); its output: "
							+ log);
				}
				Thread.sleep(5);
			}
			long nanos = System.nanoTime() - start;
			Duration cpu = process.info().totalCpuDuration().orElseThrow();
			Files.delete(log);
			return new Start(nanos, cpu.toNanos());
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly().waitFor();
			}
		}
	}

	private boolean isUp(URI health) throws InterruptedException {
		try {
			HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
			// DOWN and OUT_OF_SERVICE answer 503; the overall status is the last member
			return response.statusCode() == 200 && response.body().endsWith("\"status\":\"UP\"}");
		}
		catch (IOException notYet) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private static String classPath(String classes, List<String> classPath, Predicate<String> without) {
		List<String> entries = new ArrayList<>();
		entries.add(classes);
		classPath.stream()
			.filter((entry) -> !entry.equals(classes) && !entry.endsWith("benchmarks/target/classes"))
			.filter(without.negate())
			.forEach(entries::add);
		return String.join(File.pathSeparator, entries);
	}

	private static String sampleClasses() {
		Path classes = Path.of(System.getProperty("benchmark.sample-classes", "zk-sample-app/target/classes"));
		if (!Files.isRegularFile(classes.resolve("io/zkboot/sample/SampleApplication.class"))) {
			throw new IllegalStateException("The sample's classes are not at " + classes.toAbsolutePath()
					+ ": build them (mvn package -pl zk-sample-app,benchmarks -am) and run from the project root, "
					+ "or name their place with -Dbenchmark.sample-classes=...");
		}
		return classes.toString();
	}

	private static String classesOf(Class<?> type) throws Exception {
		return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
	}

	/** A class path entry that is the jar or classes a module of this build made in its target directory. */
	private static Predicate<String> module(String name) {
		return (entry) -> entry.replace(File.separatorChar, '/').contains("/" + name + "/target/");
	}

	/** A class path entry that is a jar of the Maven repository under the path. */
	private static Predicate<String> jar(String repositoryPath) {
		return (entry) -> entry.replace(File.separatorChar, '/').contains("/" + repositoryPath);
	}

	/** How long one start took, and the processor time it used. */
	private record Start(long nanos, long cpuNanos) {

	}

	/** One application to start: its name, class path, main class and arguments. */
	private record Application(String name, String classPath, String mainClass, List<String> arguments) {

		Application(String name, String classPath, String mainClass, String... arguments) {
			this(name, classPath, mainClass, List.of(arguments));
		}

	}

	/** A Spring Boot web application with no bean of its own. */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BareWebApp {

		public static void main(String[] args) {
			SpringApplication.run(BareWebApp.class, args);
		}

	}

	/**
	 * A Spring Cloud Zookeeper application: configuration from {@code spring.config.import} and
	 * discovery registration, as its documentation shows them.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class SpringCloudApp {

		public static void main(String[] args) {
			SpringApplication.run(SpringCloudApp.class, args);
		}

	}

}
