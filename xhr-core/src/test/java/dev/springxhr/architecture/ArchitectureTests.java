package dev.springxhr.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import dev.springxhr.xhr.DOMException;
import dev.springxhr.xhr.event.EventTarget;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The engine's shape: the public API ({@code dev.springxhr.xhr}, {@code dev.springxhr.xhr.event}) on top, the
 * machinery below it in packages named after the standards' seams ({@code dev.springxhr.xhr.internal.*}), which
 * never reach back up, and no package cycle anywhere. (That the engine cannot use Spring Boot is not a rule here:
 * this module has no Spring Boot dependency, so such an import does not compile.)
 */
class ArchitectureTests {

	private static final JavaClasses ENGINE = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.springxhr");

	@Test
	void noPackageCycles() {
		slices().matching("dev.springxhr.(**)")
			.should()
			.beFreeOfCycles()
			// The one edge up from the events package: DOM's dispatchEvent() throws WebIDL's DOMException, which
			// the API contract places in dev.springxhr.xhr (api.md), the package that extends EventTarget.
			.ignoreDependency(EventTarget.class, DOMException.class)
			.check(ENGINE);
	}

	@Test
	void theMachineryNeverDependsOnTheApi() {
		noClasses().that()
			.resideInAPackage("dev.springxhr.xhr.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.springxhr.xhr", "dev.springxhr.xhr.event")
			.because("the standards below XHR (URL, Fetch, CORS, cookies, encodings, documents, the transport) "
					+ "are layers under the API: they know nothing of XMLHttpRequest, its settings or its types")
			.check(ENGINE);
	}

	@Test
	void theEventsPackageUsesNoMachinery() {
		noClasses().that()
			.resideInAPackage("dev.springxhr.xhr.event..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.springxhr.xhr.internal..")
			.check(ENGINE);
	}

	@Test
	void everyPackageIsNullMarked() {
		classes().that()
			.haveSimpleName("package-info")
			.should()
			.beAnnotatedWith(org.jspecify.annotations.NullMarked.class)
			.allowEmptyShould(false)
			.check(ENGINE);
	}

}
