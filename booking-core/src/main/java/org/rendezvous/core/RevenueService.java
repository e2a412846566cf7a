package org.rendezvous.core;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.payment.BookingMoney;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.InvoiceStores;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.revenue.OnSitePayment;
import org.rendezvous.core.revenue.PaymentMethod;
import org.rendezvous.core.revenue.Revenue;
import org.rendezvous.core.revenue.RevenueLine;

/**
 * Turnover (INV-2) for any period, and the payments the practitioner takes on site. Online turnover is
 * what clients paid for bookings whose consultation falls in the period, net of refunds, with the
 * platform's commission (as the engine charges it) and the provider's fee (the engine's estimate,
 * FEE-3) apart; on-site turnover is what the practitioner recorded, on the day it was paid.
 */
public final class RevenueService {

    /** The longest period one request may cover: a little over a year. */
    public static final int MAX_DAYS = 366;

    private final Agendas agendas;
    private final Bookings bookings;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final InvoiceStores stores;
    private final PaymentService payments;

    RevenueService(Agendas agendas, Bookings bookings, Transactions transactions, Ids ids, Now clock,
                   PaymentService payments, InvoiceStores stores) {
        this.payments = payments;
        this.agendas = agendas;
        this.bookings = bookings;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.stores = stores;
    }

    public Outcome<OnSitePayment> recordOnSitePayment(PractitionerId practitioner, BookingId bookingId,
                                                      PaymentMethod method, Money amount, LocalDate paidOn) {
        return transactions.inAgenda(practitioner, () -> {
            Optional<Booking> booking = bookings.find(bookingId)
                    .filter(b -> b.practitionerId().equals(practitioner));
            if (booking.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
            }
            if (!amount.currency().equals(booking.get().price().currency())) {
                return Outcome.rejected(Reason.INVALID_SETTING, "amount: the booking is in "
                        + booking.get().price().currency().getCurrencyCode());
            }
            OnSitePayment payment = new OnSitePayment(ids.newId(), practitioner, bookingId, method, amount,
                    paidOn, clock.instant());
            stores.onSitePayments().add(payment);
            return Outcome.accepted(payment);
        });
    }

    public List<OnSitePayment> onSitePayments(PractitionerId practitioner, BookingId booking) {
        return stores.onSitePayments().ofBooking(booking).stream()
                .filter(p -> p.practitionerId().equals(practitioner)).toList();
    }

    /** The revenue over the days [from, to] of the practitioner's calendar. */
    public Outcome<Revenue> revenue(PractitionerId practitioner, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Outcome.rejected(Reason.INVALID_SETTING, "to: must not be before from");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            return Outcome.rejected(Reason.INVALID_SETTING, "to: at most " + MAX_DAYS + " days after from");
        }
        Optional<AgendaSettings> settings = agendas.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        ZoneId zone = settings.get().zone();
        Currency currency = settings.get().currency();
        List<RevenueLine> lines = new ArrayList<>();
        for (Booking b : bookings.ofPractitioner(practitioner, from.atStartOfDay(zone).toInstant(),
                to.plusDays(1).atStartOfDay(zone).toInstant())) {
            LocalDate day = b.start().atZone(zone).toLocalDate();
            if (day.isBefore(from) || day.isAfter(to)) {
                continue;
            }
            // From the booking's ledger, as the practitioner's money views see it (PAY-6): guarantee charges count,
            // refunds and an operator's reversal (CX-4) do not; the provider's fee is the practitioner's only where
            // they bear it (DIRECT_CONNECT), and the commission is the one the money bears or will bear when released.
            BookingMoney money = payments.money(b);
            Money kept = money.paid().minus(money.refunded()).minus(money.refundPending());
            if (!kept.isPositive()) {
                continue;
            }
            Money commission = kept.minus(money.net()).minus(money.providerFee()).max(Money.zero(kept.currency()));
            lines.add(new RevenueLine(day, b.id(), activity(b), b.mode(), Optional.empty(), kept, commission,
                    money.providerFee()));
        }
        for (OnSitePayment p : stores.onSitePayments().between(practitioner, from, to)) {
            Optional<Booking> b = bookings.find(p.bookingId());
            lines.add(new RevenueLine(p.paidOn(), p.bookingId(), b.map(this::activity).orElse("—"),
                    b.map(Booking::mode).orElse(org.rendezvous.core.agenda.ConsultationMode.IN_PERSON),
                    Optional.of(p.method()), p.amount(), Money.zero(p.amount().currency()),
                    Money.zero(p.amount().currency())));
        }
        return Outcome.accepted(Revenue.of(from, to, currency, lines));
    }

    private String activity(Booking booking) {
        return agendas.activity(booking.practitionerId(), booking.activityId()).map(Activity::name)
                .orElse("—");
    }
}
