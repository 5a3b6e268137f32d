package io.zkboot.core;

import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.zkboot.autoconfigure.ZkAutoConfiguration;
import io.zkboot.autoconfigure.ZkTreeAutoConfiguration;
import io.zkboot.test.ZkTestServer;
import io.zkboot.tree.ImportOptions;
import io.zkboot.tree.ZkTree;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.imps.DefaultACLProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * ZkTemplate operations are observed: one timer per operation and outcome, named by the
 * default convention or by one the application defines.
 */
class ZkObservationsTests {

	@RegisterExtension
	static ZkTestServer zk = new ZkTestServer();

	@Test
	void operationsAreTimedByOperationAndOutcome() throws Exception {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		try (CuratorFramework client = zk.client()) {
			ZkTemplate template = new ZkTemplate(client, new DefaultACLProvider(), observations);
			template.create("/observed", "x".getBytes());
			template.get("/observed");
			template.get("/observed");
			assertThatThrownBy(() -> template.get("/missing")).isInstanceOf(ZkNoNodeException.class);
			assertThatThrownBy(() -> template.set("/observed", "y".getBytes(), 42))
				.isInstanceOf(ZkBadVersionException.class);
			template.transaction().check("/observed", 0).commit();
			template.getChildren("/");
		}
		assertThat(meters.get("zk.operation").tags("operation", "create", "outcome", "success").timer().count())
			.isEqualTo(1);
		assertThat(meters.get("zk.operation").tags("operation", "get", "outcome", "success").timer().count())
			.isEqualTo(2);
		assertThat(meters.get("zk.operation").tags("operation", "get", "outcome", "nonode").timer().count())
			.isEqualTo(1);
		assertThat(meters.get("zk.operation").tags("operation", "set", "outcome", "badversion").timer().count())
			.isEqualTo(1);
		assertThat(meters.get("zk.operation").tags("operation", "transaction", "outcome", "success").timer().count())
			.isEqualTo(1);
		assertThat(meters.get("zk.operation").tags("operation", "get_children", "outcome", "success").timer().count())
			.isEqualTo(1);
	}

	@Test
	void aConventionBeanNamesTheTemplatesAndTheTreesObservations() throws Exception {
		MeterRegistry meters = new SimpleMeterRegistry();
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(ZkAutoConfiguration.class, ZkTreeAutoConfiguration.class))
			.withPropertyValues(zk.connectStringProperty())
			.withBean(ObservationRegistry.class, () -> observations)
			.withBean(ZkObservationConvention.class, TeamConvention::new)
			.run((context) -> {
				context.getBean(ZkTemplate.class).create("/team", new byte[0]);
				context.getBean(ZkTree.class).importTree("/team-tree\n", "team.tree", ImportOptions.defaults());
			});
		assertThat(meters.get("zk.operation").tags("operation", "create", "outcome", "success", "team", "billing")
			.timer().count()).isEqualTo(1);
		assertThat(meters.get("zk.operation").tags("operation", "import_tree", "team", "billing").timer().count())
			.isEqualTo(1);
	}

	/** Keeps the default keys and adds one. */
	static class TeamConvention extends DefaultZkObservationConvention {

		@Override
		public KeyValues getLowCardinalityKeyValues(ZkObservationContext context) {
			return super.getLowCardinalityKeyValues(context).and("team", "billing");
		}

	}

}
