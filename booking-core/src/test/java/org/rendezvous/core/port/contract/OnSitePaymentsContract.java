package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.OnSitePayments;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.revenue.OnSitePayment;
import org.rendezvous.core.revenue.PaymentMethod;

/** What every {@link OnSitePayments} adapter must do (INV-2): keep payments as recorded, find them by day and booking. */
public abstract class OnSitePaymentsContract {

    protected OnSitePayments payments;
    protected PractitionerId anna;
    protected BookingId booking;

    protected abstract OnSitePayments newPayments();

    /** A practitioner and one of their bookings; adapters with foreign keys store real ones. */
    protected abstract BookingId newBooking(PractitionerId practitioner);

    protected abstract PractitionerId newPractitioner();

    @BeforeEach
    void freshStore() {
        payments = newPayments();
        anna = newPractitioner();
        booking = newBooking(anna);
    }

    private OnSitePayment payment(PaymentMethod method, String amount, LocalDate day) {
        return new OnSitePayment(UUID.randomUUID(), anna, booking, method, InvoiceFixtures.eur(amount), day,
                Instant.parse("2030-03-04T10:00:00Z").plusSeconds(day.getDayOfMonth()));
    }

    @Test
    @DisplayName("INV-2 on-site payments read back as recorded, by day in [from, to] and by booking")
    void roundTrip() {
        OnSitePayment cash = payment(PaymentMethod.CASH, "30.00", LocalDate.of(2030, 3, 4));
        OnSitePayment cheque = payment(PaymentMethod.CHEQUE, "30.00", LocalDate.of(2030, 3, 10));
        payments.add(cheque);
        payments.add(cash);
        assertThat(payments.between(anna, LocalDate.of(2030, 3, 4), LocalDate.of(2030, 3, 10)))
                .containsExactly(cash, cheque);
        assertThat(payments.between(anna, LocalDate.of(2030, 3, 5), LocalDate.of(2030, 3, 9))).isEmpty();
        assertThat(payments.ofBooking(booking)).containsExactlyInAnyOrder(cash, cheque);
        assertThat(payments.between(newPractitioner(), LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31))).isEmpty();
    }
}
