package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.ExternalCalendar;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.port.ExternalCalendars;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The practitioners' own calendars in memory; thread-safe. Their busy periods are kept in the in-memory agendas
 * of the stores given, so that availability sees them as it sees unavailabilities.
 */
public final class InMemoryExternalCalendars implements ExternalCalendars {

    private final Map<PractitionerId, ExternalCalendar> calendars = new HashMap<>();
    private final InMemoryTransactions transactions;
    private final InMemoryAgendas agendas;

    private InMemoryExternalCalendars(InMemoryTransactions transactions, InMemoryAgendas agendas) {
        this.transactions = transactions;
        this.agendas = agendas;
    }

    /** Own calendars beside these in-memory stores (their transactions, their agendas). */
    public static ExternalCalendars joining(Stores stores) {
        Objects.requireNonNull(stores, "stores");
        if (!(stores.transactions() instanceof InMemoryTransactions transactions)
                || !(stores.agendas() instanceof InMemoryAgendas agendas)) {
            throw new IllegalArgumentException("stores: not in-memory stores");
        }
        return new InMemoryExternalCalendars(transactions, agendas);
    }

    @Override
    public synchronized Optional<ExternalCalendar> find(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return Optional.ofNullable(calendars.get(practitioner)).map(this::counted);
    }

    private ExternalCalendar counted(ExternalCalendar c) {
        int count = agendas.externalBusy(c.practitionerId(), Instant.MIN, Instant.MAX).size();
        return new ExternalCalendar(c.practitionerId(), c.address(), c.etag(), c.lastModified(), c.lastAttemptAt(),
                c.lastSuccessAt(), c.lastFailureAt(), c.failure(), c.failureDetail(), count);
    }

    @Override
    public synchronized void subscribe(PractitionerId practitioner, CalendarAddress address) {
        Objects.requireNonNull(address, "address");
        put(practitioner, ExternalCalendar.subscribed(practitioner, address));
        agendas.replaceExternalBusy(practitioner, List.of());
    }

    @Override
    public synchronized boolean remove(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        if (!calendars.containsKey(practitioner)) {
            return false;
        }
        put(practitioner, null);
        agendas.replaceExternalBusy(practitioner, List.of());
        return true;
    }

    @Override
    public synchronized List<ExternalCalendar> claimDue(Instant now, Instant dueBefore, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(dueBefore, "dueBefore");
        List<ExternalCalendar> due = new ArrayList<>(calendars.values().stream()
                .filter(c -> c.lastAttemptAt().map(at -> !at.isAfter(dueBefore)).orElse(true))
                .sorted(Comparator.comparing((ExternalCalendar c) -> c.lastAttemptAt().orElse(Instant.MIN))
                        .thenComparing(c -> c.practitionerId().value()))
                .limit(Math.max(0, limit)).toList());
        List<ExternalCalendar> claimed = new ArrayList<>();
        for (ExternalCalendar c : due) {
            ExternalCalendar attempted = new ExternalCalendar(c.practitionerId(), c.address(), c.etag(),
                    c.lastModified(), Optional.of(now), c.lastSuccessAt(), c.lastFailureAt(), c.failure(),
                    c.failureDetail(), c.busyPeriods());
            put(c.practitionerId(), attempted);
            claimed.add(counted(attempted));
        }
        return claimed;
    }

    @Override
    public synchronized void recordRead(PractitionerId practitioner, CalendarAddress address, Instant at,
                                        List<TimeRange> busy, Optional<String> etag, Optional<String> lastModified) {
        ExternalCalendar c = current(practitioner, address);
        if (c == null) {
            return;
        }
        put(practitioner, new ExternalCalendar(practitioner, address, etag, lastModified, c.lastAttemptAt(),
                Optional.of(at), c.lastFailureAt(), Optional.empty(), Optional.empty(), 0));
        agendas.replaceExternalBusy(practitioner, busy);
    }

    @Override
    public synchronized void recordUnchanged(PractitionerId practitioner, CalendarAddress address, Instant at) {
        ExternalCalendar c = current(practitioner, address);
        if (c == null) {
            return;
        }
        put(practitioner, new ExternalCalendar(practitioner, address, c.etag(), c.lastModified(), c.lastAttemptAt(),
                Optional.of(at), c.lastFailureAt(), Optional.empty(), Optional.empty(), 0));
    }

    @Override
    public synchronized void recordFailure(PractitionerId practitioner, CalendarAddress address, Instant at,
                                           FetchFailure failure, String detail) {
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(detail, "detail");
        ExternalCalendar c = current(practitioner, address);
        if (c == null) {
            return;
        }
        put(practitioner, new ExternalCalendar(practitioner, address, c.etag(), c.lastModified(), c.lastAttemptAt(),
                c.lastSuccessAt(), Optional.of(at), Optional.of(failure), Optional.of(detail), 0));
    }

    @Override
    public List<TimeRange> busy(PractitionerId practitioner, Instant from, Instant to) {
        Objects.requireNonNull(practitioner, "practitioner");
        return agendas.externalBusy(practitioner, from, to);
    }

    private ExternalCalendar current(PractitionerId practitioner, CalendarAddress address) {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(address, "address");
        ExternalCalendar c = calendars.get(practitioner);
        return c != null && c.address().equals(address) ? c : null;
    }

    private void put(PractitionerId practitioner, ExternalCalendar value) {
        ExternalCalendar previous = value == null ? calendars.remove(practitioner) : calendars.put(practitioner, value);
        transactions.onRollback(() -> {
            synchronized (this) {
                if (previous == null) {
                    calendars.remove(practitioner);
                } else {
                    calendars.put(practitioner, previous);
                }
            }
        });
    }
}
