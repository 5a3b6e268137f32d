package io.zkboot.core;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Wraps {@link ZkTemplate} operations in Micrometer observations named
 * {@value #NAME}, so that metrics (a timer per operation and outcome) and tracing (a span
 * per call) see ZooKeeper calls. Low-cardinality keys: {@code operation} (create, get, ...)
 * and {@code outcome} ({@code success}, or ZooKeeper's error code such as
 * {@code nonode}, {@code badversion}, or {@code error}); high-cardinality key: {@code path}.
 */
public final class ZkObservations {

	/**
	 * The observation name, and so the timer's name.
	 */
	public static final String NAME = "zk.operation";

	private final ObservationRegistry registry;

	/**
	 * Observations into a registry.
	 * @param registry the registry; {@link ObservationRegistry#NOOP} observes nothing
	 */
	public ZkObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Run an operation inside an observation.
	 * @param <T> the operation's result
	 * @param operation the operation's name, e.g. {@code create}
	 * @param path the path it is about
	 * @param work the operation
	 * @return its result
	 */
	public <T> T observe(String operation, String path, Supplier<T> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		Observation observation = Observation.createNotStarted(NAME, this.registry)
			.contextualName("zk " + operation)
			.lowCardinalityKeyValue("operation", operation)
			.highCardinalityKeyValue("path", String.valueOf(path))
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = work.get();
			observation.lowCardinalityKeyValue("outcome", "success");
			return result;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", outcome(ex));
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

	private static String outcome(RuntimeException ex) {
		if (ex instanceof ZkException zk && zk.getCode() != null) {
			return zk.getCode().name().toLowerCase(Locale.ROOT);
		}
		return "error";
	}

}
