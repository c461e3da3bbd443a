package dev.springxhr.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The auto-configuration follows Spring Boot's own rules. (The engine, {@code xhr-core}, cannot import Spring Boot
 * at all: the module has no Spring Boot dependency; its own rules are in xhr-core's {@code ArchitectureTests}.)
 */
class AutoConfigurationArchitectureTests {

	private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.springxhr.autoconfigure", "dev.springxhr.actuate");

	@Test
	void theWiringUsesOnlyTheEnginesPublicApi() {
		noClasses().should()
			.dependOnClassesThat()
			.resideInAPackage("dev.springxhr.xhr.internal..")
			.because("dev.springxhr.xhr.internal is the engine's own machinery, with no compatibility promise")
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void autoConfigurationsArePublicFinalClasses() {
		classes().that()
			.areAnnotatedWith(AutoConfiguration.class)
			.should()
			.bePublic()
			.andShould()
			.haveModifier(JavaModifier.FINAL)
			.allowEmptyShould(false)
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void beanMethodsAreNotPublicAndEachBacksOffForTheUsersBean() {
		methods().that()
			.areAnnotatedWith(Bean.class)
			.and()
			.areDeclaredInClassesThat()
			.resideInAPackage("dev.springxhr.autoconfigure..")
			.should()
			.notBePublic()
			.andShould()
			.beAnnotatedWith(ConditionalOnMissingBean.class)
			.allowEmptyShould(false)
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void everyPackageIsNullMarked() {
		classes().that()
			.resideInAPackage("dev.springxhr..")
			.and()
			.haveSimpleName("package-info")
			.should()
			.beAnnotatedWith(org.jspecify.annotations.NullMarked.class)
			.allowEmptyShould(false)
			.check(PRODUCTION_CLASSES);
	}

}
