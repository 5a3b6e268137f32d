package io.zkboot.benchmarks;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.zkboot.benchmarks.ChangeRounds.Subject;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * How the cost of one configuration change grows with the size of the imported configuration:
 * 1, 100 and 1,000 properties across 1, 10 and 100 nodes, in a web application with actuator and
 * 50 {@code @ConfigurationProperties} beans, ours ({@code spring.config.import=zk:}, registration
 * off as Spring Cloud Zookeeper's discovery is) against
 * Spring Cloud Zookeeper 5.0.1's refresh ({@code spring.config.import=zookeeper:}), on this
 * benchmark's own server, in one run.
 *
 * <p>The properties are {@code b<i>.k<k>} and {@code b<i>.more.k<k>}: bean {@code b<i>}
 * (0 to 49) covers the properties under its name. Node {@code j} holds ten properties (one for
 * the smallest size): for {@code j < 50} the keys {@code b<j>.k0..k9}, for {@code j >= 50} the
 * keys {@code b<j-50>.more.k0..k9}. Ours stores a node's properties as JSON in one node
 * ({@code /cs-ours-N/b3} holds {@code {"k0": "x", ...}}, {@code /cs-ours-N/b3/more} the others)
 * below the imported, empty, {@code /cs-ours-N}; Spring Cloud Zookeeper stores one node per
 * property ({@code /cs-scz-N/application/b3/k0}), as its documentation shows, with nothing tuned.
 *
 * <p>The change is one property, {@code b0.k0}, seen when bean {@code b0}'s setter receives it
 * (as in {@code watch-latency}, whose rounds this benchmark shares: see {@link ChangeRounds}).
 * The first {@value #WARMUP} rounds are not counted, the next {@value #CHANGES} are. Ours are
 * compared to ours with one property, each Spring Cloud row to ours of the same size. Then each
 * application is started again, once not counted and {@value #STARTS} times counted, in an order
 * shuffled every round, from {@code SpringApplication.run} to its return: the time to load the
 * configuration of each size and start, in a warm JVM.
 */
final class ConfigScaleBenchmark implements Benchmark {

	private static final int BEANS = 50;

	private static final int PROPERTIES_PER_NODE = 10;

	private static final int WARMUP = 100;

	private static final int CHANGES = 200;

	private static final int STARTS = 7;

	private static final String SUBJECT = "bench.subject";

	/** Spring Cloud Zookeeper reads a parent node's data too: empty, not Curator's default (the address). */
	private static final byte[] NO_DATA = {};

	private static final int[][] SIZES = { { 1, 1 }, { 100, 10 }, { 1000, 100 } };

	private CuratorFramework writer;

	private String connectString;

	@Override
	public String name() {
		return "config-scale";
	}

	@Override
	public List<LatencyResult> run(BenchmarkContext context) throws Exception {
		return ChangeRounds.onServer((writer, connectString) -> {
			this.writer = writer;
			this.connectString = connectString;
			List<Application> applications = new ArrayList<>();
			for (int[] size : SIZES) {
				applications.add(ours(size[0], size[1]));
				applications.add(springCloud(size[0], size[1]));
			}
			List<LatencyResult> rows = new ArrayList<>(changes(applications));
			rows.addAll(starts(applications));
			return rows;
		});
	}

	private List<LatencyResult> changes(List<Application> applications) throws Exception {
		List<Subject> subjects = new ArrayList<>();
		try {
			for (Application application : applications) {
				subjects.add(application.subject());
			}
			Map<String, long[]> latencies = ChangeRounds.measure(WARMUP, CHANGES, subjects, null);
			return rows("one change, %s", "@ConfigurationProperties re-bound", applications,
					(application) -> latencies.get(application.name()));
		}
		finally {
			for (Subject subject : subjects) {
				subject.close();
			}
		}
	}

	private List<LatencyResult> starts(List<Application> applications) {
		Map<String, List<Long>> times = new LinkedHashMap<>();
		applications.forEach((application) -> times.put(application.name(), new ArrayList<>()));
		List<Application> order = new ArrayList<>(applications);
		Random random = new Random(42);
		for (int i = 0; i <= STARTS; i++) {
			Collections.shuffle(order, random);
			for (Application application : order) {
				long start = System.nanoTime();
				ConfigurableApplicationContext context = application.start();
				long started = System.nanoTime();
				context.close();
				if (i > 0) {
					times.get(application.name()).add(started - start);
				}
			}
		}
		return rows("start, %s", "context started", applications,
				(application) -> times.get(application.name()).stream().mapToLong(Long::longValue).toArray());
	}

	/**
	 * One row per application: ours with one property is the baseline of ours, ours of each size
	 * the baseline of Spring Cloud's of the same size.
	 */
	private List<LatencyResult> rows(String operation, String what, List<Application> applications,
			Function<Application, long[]> nanos) {
		List<LatencyResult> rows = new ArrayList<>();
		LatencyResult smallest = null;
		LatencyResult ours = null;
		for (Application application : applications) {
			LatencyResult baseline = application.ours() ? smallest : ours;
			String subject = what + " (" + application.name()
					+ (application.ours() ? "; baseline of the next row)" : ")");
			LatencyResult row = LatencyResult.of(name(), operation.formatted(properties(application.properties())),
					subject, nanos.apply(application), ChangeRounds.TIMEOUT, baseline);
			if (application.ours()) {
				ours = row;
				smallest = (smallest != null) ? smallest : row;
			}
			rows.add(row);
		}
		return rows;
	}

	private Application ours(int properties, int nodes) throws Exception {
		String root = "/cs-ours-" + properties;
		ChangeRounds.set(this.writer, root, "{}");
		List<CuratorOp> creates = new ArrayList<>();
		for (int node = 0; node < nodes; node++) {
			creates.add(this.writer.transactionOp()
				.create()
				.forPath(root + nodePath(node), json(keys(properties), "x").getBytes(StandardCharsets.UTF_8)));
		}
		this.writer.transaction().forOperations(creates);
		String name = "zk: import, " + layout(properties, nodes, "nodes");
		return new Application(name, true, properties, () -> BenchApps.run(ScaleApp.class, WebApplicationType.SERVLET,
				"--" + SUBJECT + "=" + name, "--zk.connect-string=" + this.connectString,
				"--spring.config.import=zk:" + root, "--spring.cloud.zookeeper.enabled=false",
				"--zk.registry.enabled=false",
				"--spring.autoconfigure.exclude=" + BenchApps.autoConfigurations("org.springframework.cloud.zookeeper")),
				(value) -> this.writer.setData().forPath(root + nodePath(0), json(keys(properties), value).getBytes(StandardCharsets.UTF_8)));
	}

	private Application springCloud(int properties, int nodes) throws Exception {
		String root = "cs-scz-" + properties;
		String context = "/" + root + "/application";
		List<CuratorOp> creates = new ArrayList<>();
		creates.add(this.writer.transactionOp().create().forPath("/" + root, NO_DATA));
		creates.add(this.writer.transactionOp().create().forPath(context, NO_DATA));
		for (int node = 0; node < nodes; node++) {
			String parent = context + nodePath(node);
			creates.add(this.writer.transactionOp().create().forPath(parent, NO_DATA));
			for (int key = 0; key < keys(properties); key++) {
				creates.add(this.writer.transactionOp().create().forPath(parent + "/k" + key, "x".getBytes(StandardCharsets.UTF_8)));
			}
		}
		this.writer.transaction().forOperations(creates);
		String name = "Spring Cloud Zookeeper 5.0.1 refresh, " + layout(properties, nodes, "parent nodes")
				+ ", a node per property";
		return new Application(name, false, properties, () -> BenchApps.run(ScaleApp.class,
				WebApplicationType.SERVLET, "--" + SUBJECT + "=" + name, "--spring.application.name=bench",
				"--spring.config.import=zookeeper:" + this.connectString,
				"--spring.cloud.zookeeper.connect-string=" + this.connectString,
				"--spring.cloud.zookeeper.config.root=" + root, "--spring.cloud.zookeeper.discovery.enabled=false",
				"--spring.autoconfigure.exclude=" + BenchApps.autoConfigurations("io.zkboot")),
				(value) -> this.writer.setData().forPath(context + nodePath(0) + "/k0", value.getBytes(StandardCharsets.UTF_8)));
	}

	/** Node {@code j}'s path below the imported node: {@code /b<j>}, or {@code /b<j-50>/more}. */
	private static String nodePath(int node) {
		return "/b" + (node % BEANS) + ((node < BEANS) ? "" : "/more");
	}

	private static int keys(int properties) {
		return Math.min(properties, PROPERTIES_PER_NODE);
	}

	/** A node's JSON properties: {@code k0} is the value, the others {@code x}. */
	private static String json(int keys, String value) {
		StringJoiner json = new StringJoiner(", ", "{", "}");
		for (int key = 0; key < keys; key++) {
			json.add("\"k" + key + "\": \"" + ((key == 0) ? value : "x") + "\"");
		}
		return json.toString();
	}

	private static String properties(int properties) {
		return (properties == 1) ? "1 property" : properties + " properties";
	}

	private static String layout(int properties, int nodes, String what) {
		return (nodes == 1) ? properties + " property in 1 node" : nodes + " " + what + " of 10 properties";
	}

	/** Starts a context. */
	@FunctionalInterface
	private interface Start {

		ConfigurableApplicationContext start() throws Exception;

	}

	/** One application under measurement: ours or Spring Cloud Zookeeper's at one size. */
	private record Application(String name, boolean ours, int properties, Start starter, ChangeRounds.Change change) {

		ConfigurableApplicationContext start() {
			try {
				return this.starter.start();
			}
			catch (Exception ex) {
				throw new IllegalStateException("Cannot start " + this.name, ex);
			}
		}

		Subject subject() {
			Probe probe = new Probe();
			Part.PROBES.put(this.name, probe);
			ConfigurableApplicationContext context = start();
			return new Subject(this.name, probe, this.change, context::close);
		}

	}

	/** Ten properties, {@code k0} to {@code k9}. */
	public static class Keys {

		private String k0;

		private String k1;

		private String k2;

		private String k3;

		private String k4;

		private String k5;

		private String k6;

		private String k7;

		private String k8;

		private String k9;

		public String getK0() {
			return this.k0;
		}

		public void setK0(String k0) {
			this.k0 = k0;
		}

		public String getK1() {
			return this.k1;
		}

		public void setK1(String k1) {
			this.k1 = k1;
		}

		public String getK2() {
			return this.k2;
		}

		public void setK2(String k2) {
			this.k2 = k2;
		}

		public String getK3() {
			return this.k3;
		}

		public void setK3(String k3) {
			this.k3 = k3;
		}

		public String getK4() {
			return this.k4;
		}

		public void setK4(String k4) {
			this.k4 = k4;
		}

		public String getK5() {
			return this.k5;
		}

		public void setK5(String k5) {
			this.k5 = k5;
		}

		public String getK6() {
			return this.k6;
		}

		public void setK6(String k6) {
			this.k6 = k6;
		}

		public String getK7() {
			return this.k7;
		}

		public void setK7(String k7) {
			this.k7 = k7;
		}

		public String getK8() {
			return this.k8;
		}

		public void setK8(String k8) {
			this.k8 = k8;
		}

		public String getK9() {
			return this.k9;
		}

		public void setK9(String k9) {
			this.k9 = k9;
		}

	}

	/**
	 * The properties one bean covers: {@code b<i>.k0..k9} and {@code b<i>.more.k0..k9}; the
	 * setter of {@code k0} reports each value bound to the application's probe.
	 */
	public abstract static class Part extends Keys implements EnvironmentAware {

		static final Map<String, Probe> PROBES = new ConcurrentHashMap<>();

		private final Keys more = new Keys();

		private Probe probe;

		@Override
		public void setEnvironment(Environment environment) {
			this.probe = PROBES.get(environment.getRequiredProperty(SUBJECT));
		}

		public Keys getMore() {
			return this.more;
		}

		@Override
		public void setK0(String k0) {
			super.setK0(k0);
			if (this.probe != null) {
				this.probe.seen(k0);
			}
		}

	}

	/** A servlet web application with actuator, every auto-configuration and the 50 beans. */
	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	@EnableConfigurationProperties({ B0.class, B1.class, B2.class, B3.class, B4.class, B5.class, B6.class, B7.class, B8.class, B9.class,
			B10.class, B11.class, B12.class, B13.class, B14.class, B15.class, B16.class, B17.class,
			B18.class, B19.class, B20.class, B21.class, B22.class, B23.class, B24.class, B25.class,
			B26.class, B27.class, B28.class, B29.class, B30.class, B31.class, B32.class, B33.class,
			B34.class, B35.class, B36.class, B37.class, B38.class, B39.class, B40.class, B41.class,
			B42.class, B43.class, B44.class, B45.class, B46.class, B47.class, B48.class, B49.class })
	static class ScaleApp {

	}

	@ConfigurationProperties("b0")
	public static class B0 extends Part {

	}

	@ConfigurationProperties("b1")
	public static class B1 extends Part {

	}

	@ConfigurationProperties("b2")
	public static class B2 extends Part {

	}

	@ConfigurationProperties("b3")
	public static class B3 extends Part {

	}

	@ConfigurationProperties("b4")
	public static class B4 extends Part {

	}

	@ConfigurationProperties("b5")
	public static class B5 extends Part {

	}

	@ConfigurationProperties("b6")
	public static class B6 extends Part {

	}

	@ConfigurationProperties("b7")
	public static class B7 extends Part {

	}

	@ConfigurationProperties("b8")
	public static class B8 extends Part {

	}

	@ConfigurationProperties("b9")
	public static class B9 extends Part {

	}

	@ConfigurationProperties("b10")
	public static class B10 extends Part {

	}

	@ConfigurationProperties("b11")
	public static class B11 extends Part {

	}

	@ConfigurationProperties("b12")
	public static class B12 extends Part {

	}

	@ConfigurationProperties("b13")
	public static class B13 extends Part {

	}

	@ConfigurationProperties("b14")
	public static class B14 extends Part {

	}

	@ConfigurationProperties("b15")
	public static class B15 extends Part {

	}

	@ConfigurationProperties("b16")
	public static class B16 extends Part {

	}

	@ConfigurationProperties("b17")
	public static class B17 extends Part {

	}

	@ConfigurationProperties("b18")
	public static class B18 extends Part {

	}

	@ConfigurationProperties("b19")
	public static class B19 extends Part {

	}

	@ConfigurationProperties("b20")
	public static class B20 extends Part {

	}

	@ConfigurationProperties("b21")
	public static class B21 extends Part {

	}

	@ConfigurationProperties("b22")
	public static class B22 extends Part {

	}

	@ConfigurationProperties("b23")
	public static class B23 extends Part {

	}

	@ConfigurationProperties("b24")
	public static class B24 extends Part {

	}

	@ConfigurationProperties("b25")
	public static class B25 extends Part {

	}

	@ConfigurationProperties("b26")
	public static class B26 extends Part {

	}

	@ConfigurationProperties("b27")
	public static class B27 extends Part {

	}

	@ConfigurationProperties("b28")
	public static class B28 extends Part {

	}

	@ConfigurationProperties("b29")
	public static class B29 extends Part {

	}

	@ConfigurationProperties("b30")
	public static class B30 extends Part {

	}

	@ConfigurationProperties("b31")
	public static class B31 extends Part {

	}

	@ConfigurationProperties("b32")
	public static class B32 extends Part {

	}

	@ConfigurationProperties("b33")
	public static class B33 extends Part {

	}

	@ConfigurationProperties("b34")
	public static class B34 extends Part {

	}

	@ConfigurationProperties("b35")
	public static class B35 extends Part {

	}

	@ConfigurationProperties("b36")
	public static class B36 extends Part {

	}

	@ConfigurationProperties("b37")
	public static class B37 extends Part {

	}

	@ConfigurationProperties("b38")
	public static class B38 extends Part {

	}

	@ConfigurationProperties("b39")
	public static class B39 extends Part {

	}

	@ConfigurationProperties("b40")
	public static class B40 extends Part {

	}

	@ConfigurationProperties("b41")
	public static class B41 extends Part {

	}

	@ConfigurationProperties("b42")
	public static class B42 extends Part {

	}

	@ConfigurationProperties("b43")
	public static class B43 extends Part {

	}

	@ConfigurationProperties("b44")
	public static class B44 extends Part {

	}

	@ConfigurationProperties("b45")
	public static class B45 extends Part {

	}

	@ConfigurationProperties("b46")
	public static class B46 extends Part {

	}

	@ConfigurationProperties("b47")
	public static class B47 extends Part {

	}

	@ConfigurationProperties("b48")
	public static class B48 extends Part {

	}

	@ConfigurationProperties("b49")
	public static class B49 extends Part {

	}

}
