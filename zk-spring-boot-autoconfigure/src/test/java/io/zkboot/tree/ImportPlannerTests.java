package io.zkboot.tree;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportPlannerTests {

	private static ImportPlan plan(String text, String base, Records state, Trim trim) {
		return ImportPlanner.plan(TreeParser.parse(text, "test"), base, state.list(), trim);
	}

	private static Records afterUpdate() {
		return Records.seed().node("/cms", "{\"type\":\"z4m cms\",\"threads\":4}");
	}

	@Test
	void importsOverAnExistingTreeWarningAboutExtraPaths() {
		ImportPlan plan = plan(SeedTrees.UPDATED, "/", Records.seed(), Trim.WARN);
		assertThat(plan.messages()).containsExactly("extra path not trimmed: /lb/pools/retail");
		assertThat(plan.dryRunMessages()).containsExactly("/cms threads change from 3 to 4",
				"extra path not trimmed: /lb/pools/retail");
		ImportStep.Update update = plan.steps(ImportStep.Update.class).get(0);
		assertThat(update.path()).isEqualTo("/cms");
		assertThat(new String(update.data(), StandardCharsets.UTF_8)).isEqualTo("{\"type\":\"z4m cms\",\"threads\":4}");
		assertThat(plan.steps(ImportStep.Unchanged.class)).extracting(ImportStep::path).containsExactly(
				"/cms/databases", "/cms/databases/main", "/cms/databases/main/providers", "/cms/providers",
				"/lb", "/lb/pools", "/lb/pools/cms");
		assertThat(plan.steps(ImportStep.Create.class)).isEmpty();
	}

	@Test
	void trimsOnlyWhenAskedAndNeverTopLevelNodes() {
		assertThat(plan(SeedTrees.UPDATED, "/", afterUpdate(), Trim.DELETE).dryRunMessages())
				.containsExactly("would delete /lb/pools/retail.");
		assertThat(plan(SeedTrees.UPDATED, "/", afterUpdate(), Trim.KEEP).dryRunMessages()).isEmpty();
		ImportPlan trim = plan(SeedTrees.UPDATED, "/", afterUpdate(), Trim.DELETE);
		assertThat(trim.messages()).isEmpty();
		assertThat(trim.steps(ImportStep.Delete.class)).extracting(ImportStep::path).containsExactly("/lb/pools/retail");
	}

	@Test
	void describesEveryKindOfChangeInZcZkOrder() {
		Records state = new Records()
				.node("/test", "{\"a\":1,\"ad ->\":\"/y\",\"ae ->\":\"/x\",\"b\":2}")
				.node("/test/c1", "{}")
				.node("/test/c1/c12", "{}")
				.node("/test/c2", "{}");
		String text = """
                /test
                  a = 2
                  ae -> /z
                  /c1
                    /c12
                      a = 1
                      b -> /b
                      /c123
                        /c1234
                """;
		ImportPlan plan = plan(text, "/", state, Trim.WARN);
		assertThat(plan.dryRunMessages()).containsExactly(
				"/test a change from 1 to 2",
				"/test remove link ad -> /y",
				"/test ae link change from /x to /z",
				"/test remove property b = 2",
				"extra path not trimmed: /test/c2",
				"/test/c1/c12 add property a = 1",
				"/test/c1/c12 add link b -> /b",
				"add /test/c1/c12/c123");
		assertThat(plan.steps(ImportStep.Create.class)).extracting(ImportStep::path)
				.containsExactly("/test/c1/c12/c123", "/test/c1/c12/c123/c1234");
	}

	@Test
	void replacesPropertiesAndTypesWholesale() {
		Records state = new Records().node("/a", "{\"type\":\"t1\",\"x\":[1,2],\"m\":{\"k\":1,\"j\":2}}");
		ImportPlan plan = plan("/a : t2\n  x = (1, 2)\n  m = {'j': 2, 'k': 1}\n  pl => /q z\n", "/", state, Trim.WARN);
		assertThat(plan.dryRunMessages()).containsExactly("/a type change from t1 to t2", "/a add property pl => = /q z");
		assertThat(plan("/a\n  x = 1.0\n", "/", new Records().node("/a", "{\"x\":1}"), Trim.WARN).dryRunMessages())
				.containsExactly("/a x change from 1 to 1.0");
	}

	@Test
	void warnsAboutChildrenOfANodeListedWithoutChildren() {
		Records state = new Records().node("/test-propery-links", "{}").tree(SeedTrees.PROPERTY_LINKS, "/test-propery-links");
		ImportPlan plan = plan("/cms\n  threads => /fooservice\n", "/test-propery-links", state, Trim.WARN);
		assertThat(plan.messages()).containsExactly(
				"extra path not trimmed: /test-propery-links/cms/databases",
				"extra path not trimmed: /test-propery-links/cms/providers");
		assertThat(plan.dryRunMessages()).startsWith(
				"/test-propery-links/cms threads => change from /fooservice threads to /fooservice",
				"/test-propery-links/cms remove property type = z4m cms");
	}

	@Test
	void reportsNewNodesOnlyAtTheirTopInADryRun() {
		ImportPlan plan = plan("/x\n  /y\n    /z\n/w\n", "/base", new Records().node("/base", "{}"), Trim.DELETE);
		assertThat(plan.dryRunMessages()).containsExactly("add /base/w", "add /base/x");
		assertThat(plan.steps(ImportStep.Create.class)).extracting(ImportStep::path)
				.containsExactly("/base/w", "/base/x", "/base/x/y", "/base/x/y/z");
	}

	@Test
	void neverTrimsEphemeralNodesOrTheirAncestors() {
		ImportPlan plan = plan("/fooservice\n  secret = '1234'\n  threads = 3\n", "/", Records.seed(), Trim.DELETE);
		assertThat(plan.dryRunMessages()).containsExactly(
				"wouldn't delete /fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
				"wouldn't delete /fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
				"wouldn't delete /fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
				"/fooservice/providers not deleted due to ephemeral descendent.");
		assertThat(plan.messages()).containsExactly(
				"Not deleting /fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
				"Not deleting /fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
				"Not deleting /fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
				"/fooservice/providers not deleted due to ephemeral descendent.");
		assertThat(plan.steps(ImportStep.Delete.class)).isEmpty();
	}

	@Test
	void skipsAnExtraEphemeralNodeSilently() {
		Records state = Records.seed().node("/fooservice/providers/gone", "{}");
		ImportPlan plan = plan("/fooservice\n  secret = '1234'\n  threads = 3\n  /providers\n", "/", state, Trim.DELETE);
		assertThat(plan.dryRunMessages()).containsExactly("would delete /fooservice/providers/gone.");
	}

	@Test
	void plansRecursiveDeletesAsZcZk() {
		List<ImportStep> retail = ImportPlanner.planDelete(Records.seed().list(), "/retail", false, false);
		assertThat(retail).extracting(ImportStep::path).containsExactly("/retail/databases/ugc/providers",
				"/retail/databases/ugc", "/retail/databases", "/retail/providers", "/retail");
		assertThat(new ImportPlan(ImportPlanner.planDelete(Records.seed().list(), "/fooservice", false, false)).messages())
				.containsExactly(
						"Not deleting /fooservice/providers/192.168.0.42:8080 because it's ephemeral.",
						"Not deleting /fooservice/providers/192.168.0.42:8081 because it's ephemeral.",
						"Not deleting /fooservice/providers/192.168.0.42:8082 because it's ephemeral.",
						"/fooservice/providers not deleted due to ephemeral descendent.",
						"/fooservice not deleted due to ephemeral descendent.");
		assertThat(new ImportPlan(ImportPlanner.planDelete(Records.seed().list(), "/fooservice", true, false)).dryRunMessages())
				.containsExactly(
						"would delete /fooservice/providers/192.168.0.42:8080.",
						"would delete /fooservice/providers/192.168.0.42:8081.",
						"would delete /fooservice/providers/192.168.0.42:8082.",
						"would delete /fooservice/providers.",
						"would delete /fooservice.");
		assertThat(ImportPlanner.planDelete(Records.seed().list(), "/fooservice/providers/192.168.0.42:8080", false, true))
				.isEmpty();
	}
}
