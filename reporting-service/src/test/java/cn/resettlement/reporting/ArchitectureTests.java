package cn.resettlement.reporting;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	/** The main classes, read from the build output. */
	private final JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(this.classes);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("cn.resettlement.reporting.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void theReadModelsAreWrittenOnlyFromEvents() {
		noClasses().that()
			.resideOutsideOfPackages("..reporting.ingest..", "..reporting.rebuild..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("..reporting.ingest..")
			.check(this.classes);
	}

	@Test
	void scoringAndFiguresKnowNothingOfDocumentsOrHttp() {
		noClasses().that()
			.resideInAnyPackage("..reporting.figures..", "..reporting.indicator..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..reporting.document..", "..reporting.report..", "org.springframework.web..")
			.check(this.classes);
	}

	@Test
	void onlyRepositoriesTalkSql() {
		noClasses().that()
			.haveSimpleNameEndingWith("Controller")
			.or()
			.haveSimpleNameEndingWith("Management")
			.should()
			.dependOnClassesThat()
			.haveFullyQualifiedName("org.springframework.jdbc.core.simple.JdbcClient")
			.check(this.classes);
	}

}
