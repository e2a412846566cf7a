package org.rendezvous.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** ARCHITECTURE: Stripe's types never leave this module, and the adapter knows the core only, no other adapter. */
@AnalyzeClasses(packages = "org.rendezvous.payments", importOptions = ImportOption.DoNotIncludeTests.class)
class PaymentsArchitectureTest {

    @ArchTest
    static final ArchRule stripeTypesStayInside = codeUnits()
            .that().arePublic().and().areDeclaredInClassesThat().arePublic()
            .should(new ArchCondition<JavaCodeUnit>("not take or return Stripe SDK types") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    boolean leaks = isStripe(unit.getRawReturnType())
                            || unit.getRawParameterTypes().stream().anyMatch(PaymentsArchitectureTest::isStripe);
                    if (leaks) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes a Stripe type"));
                    }
                }
            });

    @ArchTest
    static final ArchRule knowsTheCoreAndStripeOnly = classes()
            .that().resideInAPackage("org.rendezvous.payments..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.rendezvous.payments..", "org.rendezvous.core..",
                    "com.stripe..", "java..", "org.slf4j..");

    private static boolean isStripe(JavaClass type) {
        return type.getPackageName().startsWith("com.stripe") || type.getPackageName().startsWith("com.google.gson");
    }
}
