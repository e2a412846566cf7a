package org.rendezvous.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The rules of ARCHITECTURE.md that concern booking-core alone. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.rendezvous.core");
    }

    @Test
    @DisplayName("the core imports no framework, SQL, HTTP, JSON or adapter package")
    void coreIsFrameworkFree() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net.http..", "jakarta..", "javax.inject..",
                        "io.micronaut..", "org.springframework..", "org.jdbi..", "com.fasterxml..", "com.google.gson..",
                        "com.stripe..", "org.postgresql..", "org.flywaydb..",
                        "org.rendezvous.persistence..", "org.rendezvous.payments..", "org.rendezvous.notifications..",
                        "org.rendezvous.app..")
                .check(core);
    }

    @Test
    @DisplayName("the core's packages have no cycles")
    void noCycles() {
        slices().matching("org.rendezvous.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    @DisplayName("the domain packages know no port, adapter or use case: they are the inner ring")
    void domainIsInnerRing() {
        noClasses().that().resideInAnyPackage("org.rendezvous.core.agenda..", "org.rendezvous.core.booking..",
                        "org.rendezvous.core.policy..", "org.rendezvous.core.money..", "org.rendezvous.core.client..",
                        "org.rendezvous.core.contact..", "org.rendezvous.core.practitioner..",
                        "org.rendezvous.core.notification..", "org.rendezvous.core.waitlist..",
                        "org.rendezvous.core.outcome..", "org.rendezvous.core.idempotency..")
                .should().dependOnClassesThat().resideInAnyPackage("org.rendezvous.core.port..",
                        "org.rendezvous.core.inmemory..")
                .check(core);
        noClasses().that().resideOutsideOfPackage("org.rendezvous.core")
                .should().dependOnClassesThat().resideInAPackage("org.rendezvous.core")
                .check(core);
    }

    @Test
    @DisplayName("time comes from the injected Clock: no Instant.now() or friends in the core")
    void timeFromTheClock() {
        noClasses().should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.ZonedDateTime.class, "now")
                .orShould().callMethod(java.time.OffsetDateTime.class, "now")
                .orShould().callMethod(java.time.LocalTime.class, "now")
                .orShould().callMethod(java.time.Clock.class, "systemDefaultZone")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(core.that(com.tngtech.archunit.base.DescribedPredicate.not(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleName("Rendezvous$Builder"))));
    }

    @Test
    @DisplayName("money is never a double or a float in the core")
    void noFloatingPointMoney() {
        noClasses().should().dependOnClassesThat().areAssignableTo(Double.class)
                .orShould().dependOnClassesThat().areAssignableTo(Float.class)
                .check(core);
    }

    @Test
    @DisplayName("issue 15: no service locator: the use cases get the ports they use, none holds the whole Stores, no Engine")
    void noServiceLocator() {
        noFields().that().areDeclaredInClassesThat().resideInAPackage("org.rendezvous.core")
                .and().areDeclaredInClassesThat().haveSimpleNameEndingWith("Service")
                .should().haveRawType(org.rendezvous.core.port.Stores.class)
                .because("a use case names the ports it uses in its constructor; Rendezvous.Builder wires them")
                .check(core);
        noClasses().should().haveSimpleName("Engine")
                .because("the shared steps are small collaborators named for what they do (Announcements, OncePerKey, …)")
                .check(core);
    }

    @Test
    @DisplayName("issue 15: the shared steps serve the use cases and never call one: no package-private class of the root uses a service")
    void stepsDoNotCallUseCases() {
        // MessageResolver is no step of a use case: it reads for the outbox dispatcher, which runs after them.
        noClasses().that().resideInAPackage("org.rendezvous.core").and().areNotPublic().and().areTopLevelClasses()
                .and().doNotHaveSimpleName("MessageResolver")
                .should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Service")
                        .and(com.tngtech.archunit.core.domain.properties.HasModifiers.Predicates.modifier(
                                com.tngtech.archunit.core.domain.JavaModifier.PUBLIC)))
                .because("a step shared by use cases (Endings, Moves, Arrivals, …) that called a use case would tie them together")
                .check(core);
    }
}
