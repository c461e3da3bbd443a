package dev.springxhr.sample;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The sample uses spring-xhr as an application would: through its public API, never the engine's internal packages.
 */
class PublicApiOnlyTests {

	@Test
	void theSampleUsesNoInternalType() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.springxhr.xhr.internal..")
			.because("dev.springxhr.xhr.internal is the engine's own machinery, with no compatibility promise")
			.check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
				.importPackages("dev.springxhr.sample"));
	}

}
