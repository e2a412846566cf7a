package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.BusyTimeSource;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Issue 14 item 3: the practitioner's own calendar (its secret iCalendar address) blocks their availability.
 * Its busy periods over [now, now + the booking window] are fetched by a job and kept in the store; booking and
 * availability read only that cache, never the remote calendar, so a slow or failing calendar never delays or
 * blocks a booking. A failed fetch keeps the busy periods last read and records why it failed.
 */
public final class ExternalCalendarService {

    /** How many calendars one run of the job claims at most. */
    public static final int BATCH = 20;

    private final Agendas agendas;
    private final Transactions transactions;
    private final Now clock;
    private final ExternalCalendars calendars;
    private final BusyTimeSource source;

    ExternalCalendarService(Agendas agendas, Transactions transactions, Now clock, ExternalCalendars calendars,
                            BusyTimeSource source) {
        this.agendas = agendas;
        this.transactions = transactions;
        this.clock = clock;
        this.calendars = Objects.requireNonNull(calendars, "calendars");
        this.source = Objects.requireNonNull(source, "source");
    }

    /** The practitioner's own calendar and what its last fetch said, if they gave one. */
    public Optional<ExternalCalendar> find(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return calendars.find(practitioner);
    }

    /**
     * Subscribes to the practitioner's own calendar at this address (replacing any other and its busy periods).
     *
     * @throws IllegalArgumentException naming {@code address} when it is not an allowed address
     */
    public ExternalCalendar subscribe(PractitionerId practitioner, String address) {
        Objects.requireNonNull(practitioner, "practitioner");
        CalendarAddress parsed = new CalendarAddress(Objects.requireNonNull(address, "address"));
        return transactions.inTransaction(() -> {
            calendars.subscribe(practitioner, parsed);
            return calendars.find(practitioner).orElseThrow();
        });
    }

    /** Forgets the practitioner's own calendar and its busy periods; false when they had none. */
    public boolean remove(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return transactions.inTransaction(() -> calendars.remove(practitioner));
    }

    /** Fetches the practitioner's own calendar now (the dashboard's refresh button); empty when they have none. */
    public Optional<ExternalCalendar> refreshNow(PractitionerId practitioner) {
        Optional<ExternalCalendar> found = find(practitioner);
        found.ifPresent(c -> refresh(c, clock.instant()));
        return find(practitioner);
    }

    /**
     * The job: fetches the calendars not fetched for {@code interval}, a batch at a time, and keeps what each
     * gave. Calendars are claimed first (marked attempted), so two instances running it at once fetch different
     * ones. Fetches run outside any transaction.
     */
    public JobReport refreshDue(Duration interval) {
        Objects.requireNonNull(interval, "interval");
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval: must be positive");
        }
        Instant now = clock.instant();
        List<ExternalCalendar> claimed = transactions
                .inTransaction(() -> calendars.claimDue(now, now.minus(interval), BATCH));
        int changed = 0;
        for (ExternalCalendar calendar : claimed) {
            if (refresh(calendar, now)) {
                changed++;
            }
        }
        return new JobReport(claimed.size(), changed, claimed.size() == BATCH ? 1 : 0);
    }

    /** One fetch and its record; true when the calendar was read or found unchanged. */
    private boolean refresh(ExternalCalendar calendar, Instant now) {
        AgendaSettings settings = agendas.settings(calendar.practitionerId()).orElseGet(AgendaSettings::defaults);
        BusyTimeSource.Fetch fetch = source.fetch(new BusyTimeSource.Request(calendar.address(), calendar.etag(),
                calendar.lastModified(), settings.zone(), now, now.plus(settings.horizon())));
        PractitionerId who = calendar.practitionerId();
        Instant at = clock.instant();
        return transactions.inTransaction(() -> {
            if (fetch instanceof BusyTimeSource.Fetch.Read read) {
                calendars.recordRead(who, calendar.address(), at, read.busy(), read.etag(), read.lastModified());
                return true;
            }
            if (fetch instanceof BusyTimeSource.Fetch.NotModified) {
                calendars.recordUnchanged(who, calendar.address(), at);
                return true;
            }
            BusyTimeSource.Fetch.Failed failed = (BusyTimeSource.Fetch.Failed) fetch;
            calendars.recordFailure(who, calendar.address(), at, failed.reason(), failed.detail());
            return false;
        });
    }
}
