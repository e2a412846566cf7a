package org.rendezvous.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the hexagon point inwards only. This module's test classpath holds every
 * module's production classes, so the rules see the whole system.
 */
class HexagonArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rendezvous");
    }

    @Test
    @DisplayName("Adapters are used only by the app, never by each other or the core; nothing uses the app")
    void dependenciesPointInwardsOnly() {
        // Optional layers: an adapter module that has no classes yet must not fail the rule.
        // failOnEmptyShould stays on, so the rule still fails if nothing is imported at all.
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .withOptionalLayers(true)
                .layer("Core").definedBy("org.rendezvous.core..")
                .layer("Persistence").definedBy("org.rendezvous.persistence..")
                .layer("Payments").definedBy("org.rendezvous.payments..")
                .layer("Notifications").definedBy("org.rendezvous.notifications..")
                .layer("App").definedBy("org.rendezvous.app..")

                .whereLayer("App").mayNotBeAccessedByAnyLayer()
                .whereLayer("Persistence").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Payments").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Notifications").mayOnlyBeAccessedByLayers("App")
                .whereLayer("Core").mayOnlyBeAccessedByLayers("Persistence", "Payments", "Notifications", "App")
                .check(classes);
    }

    @Test
    @DisplayName("The core depends on no adapter and not on the app")
    void coreKnowsNoAdapterNorTheApp() {
        noClasses().that().resideInAPackage("org.rendezvous.core..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.rendezvous.persistence..",
                        "org.rendezvous.payments..",
                        "org.rendezvous.notifications..",
                        "org.rendezvous.app..")
                .check(classes);
    }
}
