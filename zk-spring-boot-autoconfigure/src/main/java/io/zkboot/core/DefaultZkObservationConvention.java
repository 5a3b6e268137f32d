package io.zkboot.core;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default names of the observations of ZooKeeper operations: named {@value ZkObservations#NAME}
 * (so the timer is {@code zk.operation}), contextual name {@code zk <operation>}; low-cardinality
 * keys {@code operation} and {@code outcome}, high-cardinality key {@code path}. Every value is in
 * lower case, words joined by {@code _}.
 */
public class DefaultZkObservationConvention implements ZkObservationConvention {

	/**
	 * The value of a key that is not known (the outcome while the operation runs, the path of
	 * an operation about several paths).
	 */
	public static final String NONE = "none";

	@Override
	public String getName() {
		return ZkObservations.NAME;
	}

	@Override
	public String getContextualName(ZkObservationContext context) {
		return "zk " + context.getOperation();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(ZkObservationContext context) {
		return KeyValues.of(KeyValue.of("operation", context.getOperation()),
				KeyValue.of("outcome", (context.getOutcome() != null) ? context.getOutcome() : NONE));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(ZkObservationContext context) {
		return KeyValues.of(KeyValue.of("path", (context.getPath() != null) ? context.getPath() : NONE));
	}

}
