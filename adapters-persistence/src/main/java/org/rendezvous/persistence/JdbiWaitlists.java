package org.rendezvous.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.port.Waitlists;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;
import org.rendezvous.core.waitlist.WaitlistEntryId;

final class JdbiWaitlists implements Waitlists {

    public record EntryRow(UUID id, UUID practitionerId, UUID activityId, UUID bookingId, Instant createdAt) {
    }

    interface Dao {
        @SqlUpdate("""
                INSERT INTO waitlist_entries (id, practitioner_id, activity_id, booking_id, created_at)
                VALUES (:id, :practitionerId, :activityId, :bookingId, :createdAt)
                ON CONFLICT DO NOTHING
                """)
        int insert(@BindMethods EntryRow row);

        @SqlQuery("""
                SELECT id, practitioner_id, activity_id, booking_id, created_at
                FROM waitlist_entries WHERE booking_id = :bookingId
                """)
        @RegisterConstructorMapper(EntryRow.class)
        Optional<EntryRow> ofBooking(@Bind("bookingId") UUID bookingId);

        @SqlQuery("""
                SELECT id, practitioner_id, activity_id, booking_id, created_at
                FROM waitlist_entries WHERE practitioner_id = :practitionerId AND activity_id = :activityId
                ORDER BY created_at, id
                """)
        @RegisterConstructorMapper(EntryRow.class)
        List<EntryRow> forActivity(@Bind("practitionerId") UUID practitionerId, @Bind("activityId") UUID activityId);

        @SqlUpdate("DELETE FROM waitlist_entries WHERE booking_id = :bookingId")
        int remove(@Bind("bookingId") UUID bookingId);
    }

    private final JdbiTransactions transactions;

    JdbiWaitlists(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(WaitlistEntry entry) {
        EntryRow row = new EntryRow(entry.id().value(), entry.practitionerId().value(), entry.activityId().value(),
                entry.bookingId().value(), entry.createdAt());
        if (transactions.withHandle(h -> transactions.attach(h, Dao.class).insert(row)) == 0) {
            throw new IllegalStateException("booking " + entry.bookingId() + " is on the waitlist already");
        }
    }

    @Override
    public Optional<WaitlistEntry> ofBooking(BookingId booking) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).ofBooking(booking.value())).map(JdbiWaitlists::entry);
    }

    @Override
    public List<WaitlistEntry> forActivity(PractitionerId practitioner, ActivityId activity) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).forActivity(practitioner.value(), activity.value()))
                .stream().map(JdbiWaitlists::entry).toList();
    }

    @Override
    public boolean remove(BookingId booking) {
        return transactions.withHandle(h -> transactions.attach(h, Dao.class).remove(booking.value())) > 0;
    }

    private static WaitlistEntry entry(EntryRow row) {
        return new WaitlistEntry(new WaitlistEntryId(row.id()), new PractitionerId(row.practitionerId()),
                new ActivityId(row.activityId()), new BookingId(row.bookingId()), row.createdAt());
    }
}
