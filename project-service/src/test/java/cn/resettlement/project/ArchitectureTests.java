package cn.resettlement.project;

import java.nio.file.Path;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTests {

	/**
	 * The main classes, read from the build output rather than searched for on the class
	 * path.
	 */
	private final JavaClasses classes = new ClassFileImporter().importPath(Path.of("target/classes"));

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(this.classes);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("cn.resettlement.project.(*)..").should().beFreeOfCycles().check(this.classes);
	}

	@Test
	void allocationsKnowNothingOfProjectsAndOnlyImportsAndSummariesReadAcrossFeatures() {
		noClasses().that()
			.resideInAPackage("..project.allocation..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..project.project..", "..project.asset..", "..project.imports..",
					"..project.summary..")
			.check(this.classes);
		noClasses().that()
			.resideInAnyPackage("..project.project..", "..project.allocation..", "..project.asset..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..project.imports..", "..project.summary..")
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
