package io.zkboot.core;

import java.util.Locale;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Wraps {@link ZkTemplate} operations in Micrometer observations named
 * {@value #NAME}, so that metrics (a timer per operation and outcome) and tracing (a span
 * per call) see ZooKeeper calls. Their names and key values come from a
 * {@link ZkObservationConvention}: the one set, else a global one registered with the
 * registry, else {@link DefaultZkObservationConvention} (keys {@code operation},
 * {@code outcome}, and the high-cardinality {@code path}).
 */
public final class ZkObservations {

	/**
	 * The observation name, and so the timer's name.
	 */
	public static final String NAME = "zk.operation";

	private static final ZkObservationConvention DEFAULT_CONVENTION = new DefaultZkObservationConvention();

	private final ObservationRegistry registry;

	private volatile @Nullable ZkObservationConvention convention;

	/**
	 * Observations into a registry.
	 * @param registry the registry; {@link ObservationRegistry#NOOP} observes nothing
	 */
	public ZkObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	/**
	 * Sets the convention that names the observations and their key values, in place of the
	 * default one.
	 * @param convention the convention, or {@code null} for the default one
	 */
	public void setConvention(@Nullable ZkObservationConvention convention) {
		this.convention = convention;
	}

	/**
	 * Run an operation inside an observation.
	 * @param <T> the operation's result
	 * @param operation the operation's name in lower case, words joined by {@code _}, e.g.
	 * {@code get_children}
	 * @param path the path it is about
	 * @param work the operation
	 * @return its result
	 */
	public <T> T observe(String operation, @Nullable String path, Supplier<T> work) {
		if (this.registry.isNoop()) {
			return work.get();
		}
		ZkObservationContext context = new ZkObservationContext(operation, path);
		Observation observation = Observation
			.createNotStarted(this.convention, DEFAULT_CONVENTION, () -> context, this.registry)
			.start();
		try (Observation.Scope scope = observation.openScope()) {
			T result = work.get();
			context.setOutcome("success");
			return result;
		}
		catch (RuntimeException ex) {
			context.setOutcome(outcome(ex));
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
