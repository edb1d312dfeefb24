package cn.resettlement.training;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module's shape: features without cycles, package-private web layer, constructor
 * injection.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.resettlement.training");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("cn.resettlement.training.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void onlyTheIntegrationPackageTalksToPopulationService() {
		noClasses().that()
			.resideOutsideOfPackage("..integration..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("feign..")
			.check(CLASSES);
	}

	@Test
	void dependenciesAreInjectedThroughConstructors() {
		noFields().should().beAnnotatedWith(Autowired.class).check(CLASSES);
	}

}
