package org.rendezvous.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.OnSitePayments;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.revenue.OnSitePayment;
import org.rendezvous.core.revenue.PaymentMethod;

/** Payments taken on site (INV-2) in {@code on_site_payments}, append only. */
final class JdbiOnSitePayments implements OnSitePayments {

    public record PaymentRow(UUID id, UUID practitionerId, UUID bookingId, String method, long amountMinor,
                             String currency, LocalDate paidOn, Instant recordedAt) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO on_site_payments (id, practitioner_id, booking_id, method, amount_minor, currency, paid_on,
                    recorded_at)
                VALUES (:id, :practitionerId, :bookingId, :method, :amountMinor, :currency, :paidOn, :recordedAt)
                """)
        void insert(@BindMethods PaymentRow row);

        @SqlQuery("""
                SELECT id, practitioner_id, booking_id, method, amount_minor, currency, paid_on, recorded_at
                FROM on_site_payments WHERE practitioner_id = :practitionerId AND paid_on BETWEEN :from AND :to
                ORDER BY paid_on, recorded_at, id
                """)
        @RegisterConstructorMapper(PaymentRow.class)
        List<PaymentRow> between(@Bind("practitionerId") UUID practitionerId, @Bind("from") LocalDate from,
                                 @Bind("to") LocalDate to);

        @SqlQuery("""
                SELECT id, practitioner_id, booking_id, method, amount_minor, currency, paid_on, recorded_at
                FROM on_site_payments WHERE booking_id = :bookingId ORDER BY recorded_at, id
                """)
        @RegisterConstructorMapper(PaymentRow.class)
        List<PaymentRow> ofBooking(@Bind("bookingId") UUID bookingId);
    }

    private final JdbiTransactions transactions;

    JdbiOnSitePayments(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(OnSitePayment p) {
        transactions.withHandle(h -> {
            transactions.attach(h, Dao.class).insert(new PaymentRow(p.id(), p.practitionerId().value(),
                    p.bookingId().value(), p.method().name(), p.amount().minorUnits(),
                    p.amount().currency().getCurrencyCode(), p.paidOn(), p.recordedAt()));
            return null;
        });
    }

    @Override
    public List<OnSitePayment> between(PractitionerId practitioner, LocalDate from, LocalDate to) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).between(practitioner.value(), from, to))
                .stream().map(JdbiOnSitePayments::toPayment).toList();
    }

    @Override
    public List<OnSitePayment> ofBooking(BookingId booking) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).ofBooking(booking.value()))
                .stream().map(JdbiOnSitePayments::toPayment).toList();
    }

    private static OnSitePayment toPayment(PaymentRow r) {
        return new OnSitePayment(r.id(), new PractitionerId(r.practitionerId()), new BookingId(r.bookingId()),
                PaymentMethod.valueOf(r.method()), Money.ofMinor(r.amountMinor(), r.currency()), r.paidOn(),
                r.recordedAt());
    }
}
