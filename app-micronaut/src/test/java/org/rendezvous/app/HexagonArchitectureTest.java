package org.rendezvous.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The arrows of the hexagon point inwards only. This module's test classpath holds every
 * module's production classes, so the rules see the whole system.
 */
class HexagonArchitectureTest {

    private static final String APP = "org.rendezvous.app";

    /**
     * The host's role packages (README, "Architecture") and the other role packages each one may use: the graph as
     * it is, pinned, so that a new arrow between roles is a decision and not an accident. Everything leans on
     * {@code http} (problems, API docs, shared views); {@code account} gives the session helpers, {@code client} the
     * outcome-to-response helper and {@code practitioner} the session practitioner's id; {@code wiring} builds
     * the password hasher and the payout routing. Nobody uses {@code ops} or {@code web}, and {@code payments} only
     * through the wiring.
     */
    private static final Map<String, Set<String>> ROLE_USES = Map.of(
            "wiring", Set.of("account", "payments"),
            "http", Set.of("practitioner"),
            "client", Set.of("http", "wiring", "account", "practitioner"),
            "practitioner", Set.of("http", "wiring", "account", "client"),
            "account", Set.of("http", "wiring", "client"),
            "payments", Set.of("http", "wiring", "account", "client", "practitioner"),
            "web", Set.of("http", "client"),
            "ops", Set.of("http", "wiring", "account", "client", "practitioner"));

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

    @Test
    @DisplayName("issue 15: the host's classes live in its role packages; only Application stays at the root")
    void onlyApplicationAtTheHostsRoot() {
        classes().that().resideInAPackage(APP)
                .should().haveFullyQualifiedName(APP + ".Application")
                .check(classes);
    }

    @Test
    @DisplayName("issue 15: each role package of the host uses only the role packages pinned for it, never the root")
    void rolePackagesUseOnlyThePinnedRoles() {
        for (Map.Entry<String, Set<String>> role : ROLE_USES.entrySet()) {
            String[] forbidden = java.util.stream.Stream.concat(java.util.stream.Stream.of(APP),
                    ROLE_USES.keySet().stream()
                            .filter(other -> !other.equals(role.getKey()) && !role.getValue().contains(other))
                            .map(other -> APP + "." + other + "..")).toArray(String[]::new);
            noClasses().that().resideInAPackage(APP + "." + role.getKey() + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                    .because(role.getKey() + " may use only " + role.getValue() + " (README, \"Architecture\")")
                    .check(classes);
        }
    }

    @Test
    @DisplayName("issue 15: every role package named in the map holds classes, and no other package exists under the host")
    void theRoleMapIsComplete() {
        for (String role : ROLE_USES.keySet()) {
            classes().that().resideInAPackage(APP + "." + role).should().resideInAPackage(APP + "." + role)
                    .check(classes); // fails on an empty package: the map names a role that has no class
        }
        classes().that().resideInAPackage(APP + "..")
                .should().resideInAnyPackage(java.util.stream.Stream.concat(java.util.stream.Stream.of(APP),
                        ROLE_USES.keySet().stream().map(role -> APP + "." + role)).toArray(String[]::new))
                .check(classes);
    }
}
