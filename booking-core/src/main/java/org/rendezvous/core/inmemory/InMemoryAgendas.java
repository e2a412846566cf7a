package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryAgendas implements Agendas {

    /** One practitioner's agenda; its methods synchronise on it. */
    private static final class Agenda {
        AgendaSettings settings;
        final Map<ActivityId, Activity> activities = new LinkedHashMap<>();
        final Map<OpeningId, Opening> openings = new LinkedHashMap<>();
        final Map<UnavailabilityId, Unavailability> unavailabilities = new LinkedHashMap<>();
    }

    private final ConcurrentHashMap<PractitionerId, Agenda> agendas = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryAgendas(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    private Agenda agenda(PractitionerId id) {
        return agendas.computeIfAbsent(id, key -> new Agenda());
    }

    @Override
    public void saveSettings(PractitionerId practitioner, AgendaSettings settings) {
        Agenda agenda = agenda(practitioner);
        synchronized (agenda) {
            AgendaSettings previous = agenda.settings;
            agenda.settings = settings;
            transactions.onRollback(() -> {
                synchronized (agenda) {
                    agenda.settings = previous;
                }
            });
        }
    }

    @Override
    public Optional<AgendaSettings> settings(PractitionerId practitioner) {
        Agenda agenda = agendas.get(practitioner);
        if (agenda == null) {
            return Optional.empty();
        }
        synchronized (agenda) {
            return Optional.ofNullable(agenda.settings);
        }
    }

    @Override
    public void saveActivity(Activity activity) {
        put(agenda(activity.practitionerId()), a -> a.activities, activity.id(), activity);
    }

    @Override
    public Optional<Activity> activity(PractitionerId practitioner, ActivityId id) {
        return get(practitioner, a -> a.activities.get(id));
    }

    @Override
    public List<Activity> activities(PractitionerId practitioner) {
        return list(practitioner, a -> a.activities);
    }

    @Override
    public void saveOpening(Opening opening) {
        put(agenda(opening.practitionerId()), a -> a.openings, opening.id(), opening);
    }

    @Override
    public Optional<Opening> opening(PractitionerId practitioner, OpeningId id) {
        return get(practitioner, a -> a.openings.get(id));
    }

    @Override
    public List<Opening> openings(PractitionerId practitioner) {
        return list(practitioner, a -> a.openings);
    }

    @Override
    public boolean deleteOpening(PractitionerId practitioner, OpeningId id) {
        return remove(practitioner, a -> a.openings, id);
    }

    @Override
    public void saveUnavailability(Unavailability unavailability) {
        put(agenda(unavailability.practitionerId()), a -> a.unavailabilities, unavailability.id(), unavailability);
    }

    @Override
    public List<Unavailability> unavailabilities(PractitionerId practitioner, Instant from, Instant to) {
        List<Unavailability> found = new ArrayList<>(list(practitioner, a -> a.unavailabilities));
        found.removeIf(u -> !u.overlaps(from, to));
        found.sort(Comparator.comparing(Unavailability::from));
        return found;
    }

    @Override
    public boolean deleteUnavailability(PractitionerId practitioner, UnavailabilityId id) {
        return remove(practitioner, a -> a.unavailabilities, id);
    }

    private <K, V> void put(Agenda agenda, java.util.function.Function<Agenda, Map<K, V>> part, K key, V value) {
        synchronized (agenda) {
            V previous = part.apply(agenda).put(key, value);
            transactions.onRollback(() -> {
                synchronized (agenda) {
                    if (previous == null) {
                        part.apply(agenda).remove(key);
                    } else {
                        part.apply(agenda).put(key, previous);
                    }
                }
            });
        }
    }

    private <K, V> boolean remove(PractitionerId practitioner, java.util.function.Function<Agenda, Map<K, V>> part, K key) {
        Agenda agenda = agendas.get(practitioner);
        if (agenda == null) {
            return false;
        }
        synchronized (agenda) {
            V previous = part.apply(agenda).remove(key);
            if (previous == null) {
                return false;
            }
            transactions.onRollback(() -> {
                synchronized (agenda) {
                    part.apply(agenda).put(key, previous);
                }
            });
            return true;
        }
    }

    private <V> Optional<V> get(PractitionerId practitioner, java.util.function.Function<Agenda, V> lookup) {
        Agenda agenda = agendas.get(practitioner);
        if (agenda == null) {
            return Optional.empty();
        }
        synchronized (agenda) {
            return Optional.ofNullable(lookup.apply(agenda));
        }
    }

    private <K, V> List<V> list(PractitionerId practitioner, java.util.function.Function<Agenda, Map<K, V>> part) {
        Agenda agenda = agendas.get(practitioner);
        if (agenda == null) {
            return List.of();
        }
        synchronized (agenda) {
            return List.copyOf(part.apply(agenda).values());
        }
    }

    // The practitioners' own calendars (issue 14 item 3): their busy periods, kept here by
    // InMemoryExternalCalendars, block availability like unavailabilities.

    private final ConcurrentHashMap<PractitionerId, List<org.rendezvous.core.agenda.TimeRange>> externalBusy =
            new ConcurrentHashMap<>();

    /** Replaces the practitioner's busy periods from their own calendar (none: an empty list). */
    void replaceExternalBusy(PractitionerId practitioner, List<org.rendezvous.core.agenda.TimeRange> busy) {
        List<org.rendezvous.core.agenda.TimeRange> previous = busy.isEmpty() ? externalBusy.remove(practitioner)
                : externalBusy.put(practitioner, List.copyOf(busy));
        transactions.onRollback(() -> {
            if (previous == null) {
                externalBusy.remove(practitioner);
            } else {
                externalBusy.put(practitioner, previous);
            }
        });
    }

    List<org.rendezvous.core.agenda.TimeRange> externalBusy(PractitionerId practitioner, Instant from, Instant to) {
        org.rendezvous.core.agenda.TimeRange range = new org.rendezvous.core.agenda.TimeRange(from, to);
        return externalBusy.getOrDefault(practitioner, List.of()).stream().filter(b -> b.overlaps(range))
                .sorted(Comparator.comparing(org.rendezvous.core.agenda.TimeRange::start)).toList();
    }

    /** Openings, unavailabilities and, after them, the busy periods of the practitioner's own calendar. */
    @Override
    public OpeningsAndUnavailabilities openingsAndUnavailabilities(PractitionerId practitioner, Instant from,
                                                                   Instant to) {
        List<Unavailability> all = new ArrayList<>(unavailabilities(practitioner, from, to));
        for (org.rendezvous.core.agenda.TimeRange busy : externalBusy(practitioner, from, to)) {
            all.add(new Unavailability(new UnavailabilityId(java.util.UUID.nameUUIDFromBytes(
                    (practitioner.value() + "/" + busy.start() + "/" + busy.end()).getBytes(
                            java.nio.charset.StandardCharsets.UTF_8))), practitioner, busy.start(), busy.end(),
                    org.rendezvous.core.calendar.ExternalCalendar.BUSY_LABEL));
        }
        return new OpeningsAndUnavailabilities(openings(practitioner), all);
    }
}
