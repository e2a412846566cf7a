package org.rendezvous.persistence;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioners' own calendars in {@code external_calendars}, their busy periods in {@code
 * external_busy_times} (migration V15), which {@link JdbiAgendas} reads with the openings and unavailabilities
 * in one statement. A claim is one {@code UPDATE … WHERE practitioner_id IN (SELECT … FOR UPDATE SKIP LOCKED)}
 * that marks the calendars attempted: two instances running the job at once claim different calendars.
 */
final class JdbiExternalCalendars implements ExternalCalendars {

    public record CalendarRow(UUID practitionerId, String address, String etag, String lastModified,
                              Instant lastAttemptAt, Instant lastSuccessAt, Instant lastFailureAt, String failure,
                              String failureDetail, int busyPeriods) {
    }

    public record BusyRow(Instant fromAt, Instant toAt) {
    }

    private static final String COLUMNS = """
            practitioner_id, address, etag, last_modified, last_attempt_at, last_success_at, last_failure_at, failure,
            failure_detail, (SELECT count(*) FROM external_busy_times b
                             WHERE b.practitioner_id = external_calendars.practitioner_id)::int AS busy_periods
            """;

    interface Dao {
        @SqlQuery("SELECT " + COLUMNS + " FROM external_calendars WHERE practitioner_id = :practitionerId")
        @RegisterConstructorMapper(CalendarRow.class)
        Optional<CalendarRow> find(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("DELETE FROM external_busy_times WHERE practitioner_id = :practitionerId")
        int deleteBusy(@Bind("practitionerId") UUID practitionerId);

        @SqlUpdate("""
                INSERT INTO external_calendars (practitioner_id, address) VALUES (:practitionerId, :address)
                ON CONFLICT (practitioner_id) DO UPDATE SET address = excluded.address, etag = NULL,
                    last_modified = NULL, last_attempt_at = NULL, last_success_at = NULL, last_failure_at = NULL,
                    failure = NULL, failure_detail = NULL
                """)
        int subscribe(@Bind("practitionerId") UUID practitionerId, @Bind("address") String address);

        @SqlUpdate("DELETE FROM external_calendars WHERE practitioner_id = :practitionerId")
        int remove(@Bind("practitionerId") UUID practitionerId);

        @SqlQuery("UPDATE external_calendars SET last_attempt_at = :now WHERE practitioner_id IN ("
                + " SELECT practitioner_id FROM external_calendars"
                + " WHERE last_attempt_at IS NULL OR last_attempt_at <= :dueBefore"
                + " ORDER BY last_attempt_at NULLS FIRST, practitioner_id LIMIT :limit FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + COLUMNS)
        @RegisterConstructorMapper(CalendarRow.class)
        List<CalendarRow> claimDue(@Bind("now") Instant now, @Bind("dueBefore") Instant dueBefore,
                                   @Bind("limit") int limit);

        @SqlUpdate("""
                UPDATE external_calendars SET last_success_at = :at, etag = :etag, last_modified = :lastModified,
                    failure = NULL, failure_detail = NULL
                WHERE practitioner_id = :practitionerId AND address = :address
                """)
        int recordRead(@Bind("practitionerId") UUID practitionerId, @Bind("address") String address,
                       @Bind("at") Instant at, @Bind("etag") String etag, @Bind("lastModified") String lastModified);

        @SqlUpdate("""
                UPDATE external_calendars SET last_success_at = :at, failure = NULL, failure_detail = NULL
                WHERE practitioner_id = :practitionerId AND address = :address
                """)
        int recordUnchanged(@Bind("practitionerId") UUID practitionerId, @Bind("address") String address,
                            @Bind("at") Instant at);

        @SqlUpdate("""
                UPDATE external_calendars SET last_failure_at = :at, failure = :failure, failure_detail = :detail
                WHERE practitioner_id = :practitionerId AND address = :address
                """)
        int recordFailure(@Bind("practitionerId") UUID practitionerId, @Bind("address") String address,
                          @Bind("at") Instant at, @Bind("failure") String failure, @Bind("detail") String detail);

        @SqlBatch("""
                INSERT INTO external_busy_times (practitioner_id, from_at, to_at)
                VALUES (:practitionerId, :fromAt, :toAt)
                """)
        void insertBusy(@Bind("practitionerId") UUID practitionerId, @Bind("fromAt") List<Instant> from,
                        @Bind("toAt") List<Instant> to);

        @SqlQuery("""
                SELECT from_at, to_at FROM external_busy_times
                WHERE practitioner_id = :practitionerId AND from_at < :to AND to_at > :from
                ORDER BY from_at, to_at
                """)
        @RegisterConstructorMapper(BusyRow.class)
        List<BusyRow> busy(@Bind("practitionerId") UUID practitionerId, @Bind("from") Instant from,
                           @Bind("to") Instant to);
    }

    private final JdbiTransactions transactions;

    JdbiExternalCalendars(JdbiTransactions transactions) {
        this.transactions = transactions;
    }

    private <T> T dao(java.util.function.Function<Dao, T> statements) {
        return transactions.withHandle(h -> statements.apply(transactions.attach(h, Dao.class)));
    }

    @Override
    public Optional<ExternalCalendar> find(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return dao(dao -> dao.find(practitioner.value())).map(JdbiExternalCalendars::calendar);
    }

    @Override
    public void subscribe(PractitionerId practitioner, CalendarAddress address) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(address, "address");
        dao(dao -> {
            dao.deleteBusy(practitioner.value());
            return dao.subscribe(practitioner.value(), address.value());
        });
    }

    @Override
    public boolean remove(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return dao(dao -> dao.remove(practitioner.value())) > 0;
    }

    @Override
    public List<ExternalCalendar> claimDue(Instant now, Instant dueBefore, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dueBefore, "dueBefore");
        return dao(dao -> dao.claimDue(now, dueBefore, Math.max(0, limit))).stream()
                .map(JdbiExternalCalendars::calendar).toList();
    }

    @Override
    public void recordRead(PractitionerId practitioner, CalendarAddress address, Instant at, List<TimeRange> busy,
                           Optional<String> etag, Optional<String> lastModified) {
        Objects.requireNonNull(busy, "busy");
        dao(dao -> {
            if (dao.recordRead(practitioner.value(), address.value(), at, etag.orElse(null),
                    lastModified.orElse(null)) == 0) {
                return 0;
            }
            dao.deleteBusy(practitioner.value());
            if (!busy.isEmpty()) {
                dao.insertBusy(practitioner.value(), busy.stream().map(TimeRange::start).toList(),
                        busy.stream().map(TimeRange::end).toList());
            }
            return busy.size();
        });
    }

    @Override
    public void recordUnchanged(PractitionerId practitioner, CalendarAddress address, Instant at) {
        dao(dao -> dao.recordUnchanged(practitioner.value(), address.value(), at));
    }

    @Override
    public void recordFailure(PractitionerId practitioner, CalendarAddress address, Instant at, FetchFailure failure,
                              String detail) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
        dao(dao -> dao.recordFailure(practitioner.value(), address.value(), at, failure.name(), detail));
    }

    @Override
    public List<TimeRange> busy(PractitionerId practitioner, Instant from, Instant to) {
        Objects.requireNonNull(practitioner, "practitioner");
        return dao(dao -> dao.busy(practitioner.value(), from, to)).stream()
                .map(row -> new TimeRange(row.fromAt(), row.toAt())).toList();
    }

    private static ExternalCalendar calendar(CalendarRow row) {
        return new ExternalCalendar(new PractitionerId(row.practitionerId()), new CalendarAddress(row.address()),
                Optional.ofNullable(row.etag()), Optional.ofNullable(row.lastModified()),
                Optional.ofNullable(row.lastAttemptAt()), Optional.ofNullable(row.lastSuccessAt()),
                Optional.ofNullable(row.lastFailureAt()), Optional.ofNullable(row.failure()).map(FetchFailure::valueOf),
                Optional.ofNullable(row.failureDetail()), row.busyPeriods());
    }
}
