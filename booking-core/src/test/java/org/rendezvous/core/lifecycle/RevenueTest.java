package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.revenue.PaymentMethod;
import org.rendezvous.core.revenue.Revenue;

/** INV-2 through the engine: payments recorded on site and what the period's revenue says of them. */
class RevenueTest {

    @Test
    @DisplayName("INV-2 on-site payments count on the day paid, by activity, mode and method; another's booking is refused")
    void onSitePayments() {
        Scenario s = Scenario.create();
        Booking booking = s.book(s.at(DayOfWeek.TUESDAY, 9));
        accepted(s.engine.revenue().recordOnSitePayment(s.anna, booking.id(), PaymentMethod.CASH, Scenario.eur("40.00"),
                s.date(DayOfWeek.TUESDAY)));
        accepted(s.engine.revenue().recordOnSitePayment(s.anna, booking.id(), PaymentMethod.CARD, Scenario.eur("20.00"),
                s.date(DayOfWeek.WEDNESDAY)));
        assertThat(rejected(s.engine.revenue().recordOnSitePayment(s.anna, new BookingId(UUID.randomUUID()),
                PaymentMethod.CASH, Scenario.eur("1.00"), s.date(DayOfWeek.TUESDAY))).reason()).isEqualTo(Reason.NOT_FOUND);

        Revenue week = accepted(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.MONDAY), s.date(DayOfWeek.SUNDAY)));
        assertThat(week.total()).isEqualTo(Scenario.eur("60.00"));
        assertThat(week.onSite()).isEqualTo(Scenario.eur("60.00"));
        assertThat(week.byActivity()).containsEntry("Shiatsu", Scenario.eur("60.00"));
        assertThat(week.byMode()).containsEntry(ConsultationMode.IN_PERSON, Scenario.eur("60.00"));
        assertThat(week.byMethod()).containsEntry(PaymentMethod.CASH, Scenario.eur("40.00"))
                .containsEntry(PaymentMethod.CARD, Scenario.eur("20.00"));
        Revenue tuesday = accepted(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.TUESDAY), s.date(DayOfWeek.TUESDAY)));
        assertThat(tuesday.total()).isEqualTo(Scenario.eur("40.00"));
        assertThat(rejected(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.TUESDAY), s.date(DayOfWeek.MONDAY)))
                .detail()).startsWith("to:");
    }

    @Test
    @DisplayName("INV-2 FEE-2 a prepaid video consultation counts online on its day, by mode; the 5 % commission is shown apart, not deducted; the provider's fee is the platform's in this model; a refund takes it out")
    void onlinePayments() {
        Scenario s = Scenario.create();
        Booking video = s.bookPrepaidConfirmed(s.at(DayOfWeek.THURSDAY, 10));
        assertThat(video.paid()).isEqualTo(Scenario.PRICE);

        Revenue thursday = accepted(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.THURSDAY), s.date(DayOfWeek.THURSDAY)));
        assertThat(thursday.total()).isEqualTo(Scenario.eur("60.00"));
        assertThat(thursday.online()).isEqualTo(Scenario.eur("60.00"));
        assertThat(thursday.onSite().isZero()).isTrue();
        assertThat(thursday.byMode()).containsEntry(ConsultationMode.VIDEO, Scenario.eur("60.00"));
        assertThat(thursday.commissions()).isEqualTo(Scenario.eur("3.00"));
        assertThat(thursday.fees().isZero()).as("PAY-6: in PLATFORM_COLLECTS the platform bears the provider's fee").isTrue();
        assertThat(thursday.lines()).singleElement().satisfies(line -> assertThat(line.online()).isTrue());
        Revenue wednesday = accepted(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.WEDNESDAY), s.date(DayOfWeek.WEDNESDAY)));
        assertThat(wednesday.total().isZero()).isTrue();

        // CX-5: the practitioner cancels, the client is refunded in full: nothing of it is revenue any more.
        accepted(s.engine.bookings().cancelByPractitioner(
                new org.rendezvous.core.booking.CancelByPractitionerCommand(s.anna, video.id(), s.key())));
        assertThat(accepted(s.engine.revenue().revenue(s.anna, s.date(DayOfWeek.THURSDAY), s.date(DayOfWeek.THURSDAY)))
                .total().isZero()).isTrue();
    }
}
