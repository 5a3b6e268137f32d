package io.zkboot.core;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * The names and key values of the observations of ZooKeeper operations. A bean of this type
 * replaces {@link DefaultZkObservationConvention} for the auto-configured {@link ZkTemplate}
 * and {@code ZkTree}; extend the default one to add key values and keep its own.
 */
public interface ZkObservationConvention extends ObservationConvention<ZkObservationContext> {

	@Override
	default boolean supportsContext(Observation.Context context) {
		return context instanceof ZkObservationContext;
	}

}
