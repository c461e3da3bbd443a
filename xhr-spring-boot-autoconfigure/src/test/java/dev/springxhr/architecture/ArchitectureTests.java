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
 * The module's boundaries: the XHR engine is plain Spring Framework and Reactor, usable without Spring Boot; the
 * auto-configuration follows Spring Boot's own rules.
 */
class ArchitectureTests {

	private static final JavaClasses PRODUCTION_CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.springxhr");

	@Test
	void engineDoesNotDependOnSpringBoot() {
		noClasses().that()
			.resideInAPackage("dev.springxhr.xhr..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework.boot..")
			.because("the engine must work without Spring Boot (XhrFactory.of(WebClient.Builder, XhrSettings))")
			.check(PRODUCTION_CLASSES);
	}

	@Test
	void engineDoesNotDependOnAutoConfiguration() {
		noClasses().that()
			.resideInAPackage("dev.springxhr.xhr..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.springxhr.autoconfigure..")
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
	void everyEnginePackageIsNullMarked() {
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
