package org.rendezvous.notifications;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdapterArchitectureTest {

    final JavaClasses adapter = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.rendezvous.notifications");

    @Test
    @DisplayName("the notifications adapter knows the core and its own libraries, never another adapter or the host")
    void noOtherAdapter() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.rendezvous.persistence..",
                "org.rendezvous.payments..", "org.rendezvous.app..", "io.micronaut..").check(adapter);
    }

    @Test
    @DisplayName("only the core's public contract is used: no in-memory store in production code")
    void noInMemoryStores() {
        noClasses().should().dependOnClassesThat().resideInAPackage("org.rendezvous.core.inmemory..").check(adapter);
    }
}
