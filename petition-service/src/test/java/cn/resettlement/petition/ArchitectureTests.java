package cn.resettlement.petition;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** House rules of the code base, checked on the compiled classes. */
class ArchitectureTests {

	// the module's own classes only: scanning the whole class path for the package is
	// slow
	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPath(Path.of("target/classes"));

	@Test
	void nowComesFromTheInjectedClock() {
		ArchRule rule = noClasses().should()
			.callMethod(LocalDate.class, "now")
			.orShould()
			.callMethod(LocalDate.class, "now", ZoneId.class)
			.orShould()
			.callMethod(LocalDateTime.class, "now")
			.orShould()
			.callMethod(Instant.class, "now")
			.orShould()
			.callMethod(Clock.class, "systemUTC")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.because("deadlines are tested with a fixed clock");
		rule.check(CLASSES);
	}

	@Test
	void controllersArePackagePrivate() {
		classes().that().areAnnotatedWith(RestController.class).should().notBePublic().check(CLASSES);
	}

	@Test
	void dependenciesAreInjectedThroughConstructors() {
		fields().should().notBeAnnotatedWith(Autowired.class).check(CLASSES);
	}

	@Test
	void theDomainDoesNotDependOnTheReadSideOrTheScheduler() {
		noClasses().that()
			.resideInAPackage("..petition.cases..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..petition.ledger..", "..petition.overdue..")
			.check(CLASSES);
	}

}
