package io.zkboot;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package dependencies point one way, as drawn in {@code docs/README.md}: {@code core} at the
 * bottom, the features above it, {@code actuate} and {@code autoconfigure} on top.
 */
class PackageLayersTests {

	private static final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.zkboot");

	@Test
	void packagesAreFreeOfCycles() {
		slices().matching("io.zkboot.(*)..").should().beFreeOfCycles().check(classes);
	}

	@Test
	void dependenciesPointDownTheLayers() {
		Architectures.layeredArchitecture()
			.consideringOnlyDependenciesInLayers()
			.layer("core").definedBy("io.zkboot.core..")
			.layer("embedded").definedBy("io.zkboot.embedded..")
			.layer("client").definedBy("io.zkboot.client..")
			.layer("tree").definedBy("io.zkboot.tree..")
			.layer("watch").definedBy("io.zkboot.watch..")
			.layer("config").definedBy("io.zkboot.config..")
			.layer("coordination").definedBy("io.zkboot.coordination..")
			.layer("discovery").definedBy("io.zkboot.discovery..")
			.layer("test").definedBy("io.zkboot.test..")
			.layer("actuate").definedBy("io.zkboot.actuate..")
			.layer("autoconfigure").definedBy("io.zkboot.autoconfigure..")
			.whereLayer("autoconfigure").mayNotBeAccessedByAnyLayer()
			.whereLayer("test").mayNotBeAccessedByAnyLayer()
			.whereLayer("actuate").mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("config").mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("discovery").mayOnlyBeAccessedByLayers("autoconfigure")
			.whereLayer("coordination").mayOnlyBeAccessedByLayers("actuate", "autoconfigure")
			.whereLayer("watch").mayOnlyBeAccessedByLayers("config", "actuate", "autoconfigure")
			.whereLayer("tree")
			.mayOnlyBeAccessedByLayers("watch", "config", "discovery", "actuate", "autoconfigure")
			.whereLayer("client")
			.mayOnlyBeAccessedByLayers("watch", "config", "discovery", "test", "actuate", "autoconfigure")
			.whereLayer("embedded").mayOnlyBeAccessedByLayers("config", "test", "autoconfigure")
			.whereLayer("core")
			.mayOnlyBeAccessedByLayers("client", "tree", "watch", "config", "coordination", "discovery", "actuate",
					"autoconfigure")
			.check(classes);
	}

}
