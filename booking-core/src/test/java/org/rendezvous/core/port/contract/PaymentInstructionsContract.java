package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;
import org.rendezvous.core.port.PaymentInstructions;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link PaymentInstructions} adapter must do (PAY-2, PAY-4, PO-1). */
public abstract class PaymentInstructionsContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected PaymentInstructions instructions;
    protected PractitionerId anna;
    protected Booking booking;

    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        instructions = stores.paymentInstructions();
        anna = fixtures.registerPractitioner(stores);
        booking = fixtures.booking(fixtures.addActivity(stores, anna), fixtures.addClient(stores, anna)).start(hours(48)).build();
        stores.bookings().add(booking);
    }

    protected PaymentInstruction instruction(String cause, InstructionKind kind, int dueInHours) {
        return PaymentInstruction.due(new PaymentInstructionId(fixtures.newId()), anna, booking.id(), kind, eur("30.00"),
                cause, hours(dueInHours), hours(0));
    }

    @Test
    @DisplayName("PAY-4 an instruction is read back with every field; a second one for the same cause is refused")
    void oncePerCause() {
        PaymentInstruction refund = instruction("refund:b1", InstructionKind.REFUND, 1);
        assertThat(instructions.add(refund)).isTrue();
        assertThat(instructions.add(instruction("refund:b1", InstructionKind.REFUND, 2))).isFalse();

        assertThat(instructions.find(refund.id())).contains(refund);
        assertThat(instructions.ofBooking(booking.id())).containsExactly(refund);
    }

    @Test
    @DisplayName("due instructions: DUE ones whose time has come, earliest first, up to the limit")
    void dueEarliestFirst() {
        PaymentInstruction later = instruction("c", InstructionKind.RELEASE_EARNINGS, 5);
        PaymentInstruction sooner = instruction("a", InstructionKind.REFUND, 1);
        PaymentInstruction middle = instruction("b", InstructionKind.CHARGE_GUARANTEE, 2);
        instructions.add(later);
        instructions.add(sooner);
        instructions.add(middle);
        PaymentInstruction done = instruction("d", InstructionKind.REFUND, 0);
        instructions.add(done);
        instructions.update(done, done.done(Optional.of("re_1"), hours(0)));

        assertThat(instructions.due(hours(3), 10)).containsExactly(sooner, middle);
        assertThat(instructions.due(hours(3), 1)).containsExactly(sooner);
        assertThat(instructions.due(hours(6), 10)).containsExactly(sooner, middle, later);
    }

    @Test
    @DisplayName("an update applies only to the version read: a second instance recording the same answer loses")
    void conditionalUpdate() {
        PaymentInstruction charge = instruction("charge:b1", InstructionKind.CHARGE_GUARANTEE, 0);
        instructions.add(charge);
        PaymentInstruction waiting = charge.waitingForClient("pi_1", hours(1));

        assertThat(instructions.update(charge, waiting)).isTrue();
        assertThat(instructions.update(charge, charge.failed("declined", hours(1)))).isFalse();

        PaymentInstruction stored = instructions.find(charge.id()).orElseThrow();
        assertThat(stored.state()).isEqualTo(InstructionState.WAITING_FOR_CLIENT);
        assertThat(stored.providerReference()).contains("pi_1");
        assertThat(stored.attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("a retry moves the due time and keeps the error")
    void retryMovesTheDueTime() {
        PaymentInstruction refund = instruction("refund:b2", InstructionKind.REFUND, 0);
        instructions.add(refund);
        instructions.update(refund, refund.retryAt(hours(4), "timeout", hours(1)));

        assertThat(instructions.due(hours(3), 10)).isEmpty();
        assertThat(instructions.due(hours(4), 10)).singleElement().satisfies(i -> {
            assertThat(i.lastError()).contains("timeout");
            assertThat(i.attempts()).isEqualTo(1);
        });
    }
}
