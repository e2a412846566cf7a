package org.rendezvous.payments;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.model.PaymentIntent;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
                    "com.stripe..", "java..", "org.slf4j..",
                    "javax.xml.."); // the JDK's StAX, for the SEPA bank files (sepa.Pain001Files)

    @Test
    @DisplayName("the leak rule can fail: a public method returning a Stripe type is caught")
    void leakRuleCanFail() {
        assertThat(stripeTypesStayInside.evaluate(new ClassFileImporter().importClasses(Leaky.class)).hasViolation()).isTrue();
    }

    /** Exists only to prove the rule above fails when it should. */
    public static final class Leaky {
        public PaymentIntent intent() {
            return new PaymentIntent();
        }
    }

    private static boolean isStripe(JavaClass type) {
        return type.getPackageName().startsWith("com.stripe") || type.getPackageName().startsWith("com.google.gson");
    }
}
