package cn.resettlement.subsidy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	private final JavaClasses classes = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("cn.resettlement.subsidy");

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("cn.resettlement.subsidy.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(this.classes);
	}

	@Test
	void dependenciesAreInjectedThroughConstructors() {
		fields().should().notBeAnnotatedWith(Autowired.class).check(this.classes);
	}

	@Test
	void onlyTheIntegrationPackageTalksToPopulationServiceDirectly() {
		noClasses().that()
			.resideOutsideOfPackage("..integration..")
			.should()
			.dependOnClassesThat()
			.haveSimpleName("PopulationClient")
			.check(this.classes);
	}

	@Test
	void moneyIsNeverFloatingPointInEvents() {
		classes().that()
			.implement(cn.resettlement.platform.events.DomainEvent.class)
			.should()
			.haveOnlyFinalFields()
			.andShould()
			.bePublic()
			.check(this.classes);
		fields().that()
			.areDeclaredInClassesThat()
			.implement(cn.resettlement.platform.events.DomainEvent.class)
			.should()
			.notHaveRawType(double.class)
			.andShould()
			.notHaveRawType(float.class)
			.check(this.classes);
	}

}
