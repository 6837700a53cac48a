package org.blackstart.app.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Module boundaries that keep plugins replaceable and the SPI small. */
class ArchitectureTest {

    private static final JavaClasses BLACKSTART = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.blackstart");

    @Test
    void theRulesSeeThePluginsTheyGuard() {
        // A rule over no classes would pass without checking anything.
        assertThat(BLACKSTART.that(JavaClass.Predicates.resideInAPackage("org.blackstart.plugins.email..")))
                .extracting(JavaClass::getSimpleName).contains("EmailNoticeRoutes", "EmailPlugin");
        assertThat(BLACKSTART.that(JavaClass.Predicates.resideInAPackage("org.blackstart.bridge.."))).isNotEmpty();
    }

    @Test
    void pluginsDependOnTheSpiOnlyNotOnThePlatform() {
        noClasses().that().resideInAPackage("org.blackstart.plugins..")
                .should().dependOnClassesThat().resideInAnyPackage("org.blackstart.app..", "org.blackstart.bridge..",
                        "org.blackstart.testkit..", "org.camunda..")
                .because("a plugin compiles against platform/spi only and never sees the engine")
                .check(BLACKSTART);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        slices().matching("org.blackstart.plugins.(*)..").should().notDependOnEachOther()
                .because("plugins are installed and removed independently")
                .check(BLACKSTART);
    }

    @Test
    void theSpiDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("org.blackstart.spi..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("org.blackstart.spi..", "java..")
                .check(BLACKSTART);
    }

    @Test
    void theBridgeKnowsNothingOfTheApplication() {
        noClasses().that().resideInAPackage("org.blackstart.bridge..")
                .should().dependOnClassesThat().resideInAnyPackage("org.blackstart.app..", "org.blackstart.plugins..",
                        "org.springframework..")
                .check(BLACKSTART);
    }
}
