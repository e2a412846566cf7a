package org.rendezvous.core.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.practitioner.PractitionerId;

final class InMemoryBookings implements Bookings {

    private final ConcurrentHashMap<BookingId, Booking> byId = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<PractitionerId, Set<BookingId>> byPractitioner = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, BookingId> byToken = new ConcurrentHashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryBookings(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public void add(Booking booking) {
        if (byId.putIfAbsent(booking.id(), booking) != null) {
            throw new IllegalStateException("booking " + booking.id() + " exists already");
        }
        byToken.put(booking.accessToken().value(), booking.id());
        byPractitioner.computeIfAbsent(booking.practitionerId(), id -> ConcurrentHashMap.newKeySet()).add(booking.id());
        transactions.onRollback(() -> {
            byPractitioner.get(booking.practitionerId()).remove(booking.id());
            byToken.remove(booking.accessToken().value());
            byId.remove(booking.id());
        });
    }

    @Override
    public boolean update(Booking changed, long expectedVersion) {
        Booking[] previous = new Booking[1];
        byId.computeIfPresent(changed.id(), (id, current) -> {
            if (current.version() != expectedVersion) {
                return current;
            }
            previous[0] = current;
            return changed;
        });
        if (previous[0] == null) {
            return false;
        }
        Booking before = previous[0];
        transactions.onRollback(() -> byId.replace(changed.id(), changed, before));
        return true;
    }

    @Override
    public Optional<Booking> find(BookingId id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public Optional<Booking> findByAccessToken(AccessToken token) {
        return Optional.ofNullable(byToken.get(token.value())).map(byId::get);
    }

    @Override
    public List<Booking> seatHolding(PractitionerId practitioner, Instant from, Instant to) {
        return ofPractitioner(practitioner, b -> b.holdsSeat() && b.start().isBefore(to) && from.isBefore(b.end()))
                .toList();
    }

    @Override
    public List<Booking> ofPractitioner(PractitionerId practitioner, Instant from, Instant to) {
        return ofPractitioner(practitioner, b -> b.start().isBefore(to) && from.isBefore(b.end()))
                .sorted(Comparator.comparing(Booking::start).thenComparing(b -> b.id().value())).toList();
    }

    @Override
    public List<Booking> ofClient(PractitionerId practitioner, ClientId client) {
        return ofPractitioner(practitioner, b -> b.clientId().equals(client))
                .sorted(Comparator.comparing(Booking::start).thenComparing(b -> b.id().value())).toList();
    }

    @Override
    public List<Booking> expiringBy(Instant now, int limit) {
        return all(b -> (b.state() == BookingState.HELD || b.state() == BookingState.PENDING)
                && b.expiresAt().isPresent() && !b.expiresAt().get().isAfter(now))
                .sorted(Comparator.comparing((Booking b) -> b.expiresAt().get()).thenComparing(b -> b.id().value()))
                .limit(limit).toList();
    }

    @Override
    public List<Booking> confirmedEndedBy(Instant now, int limit) {
        return all(b -> b.state() == BookingState.CONFIRMED && !b.end().isAfter(now))
                .sorted(Comparator.comparing(Booking::end).thenComparing(b -> b.id().value()))
                .limit(limit).toList();
    }

    @Override
    public List<Booking> pendingCreatedBy(Instant createdBy, int limit) {
        return all(b -> b.state() == BookingState.PENDING && !b.createdAt().isAfter(createdBy))
                .sorted(Comparator.comparing(Booking::createdAt).thenComparing(b -> b.id().value()))
                .limit(limit).toList();
    }

    private Stream<Booking> ofPractitioner(PractitionerId practitioner, Predicate<Booking> filter) {
        Set<BookingId> ids = byPractitioner.get(practitioner);
        if (ids == null) {
            return Stream.empty();
        }
        return ids.stream().map(byId::get).filter(b -> b != null && filter.test(b));
    }

    private Stream<Booking> all(Predicate<Booking> filter) {
        return byId.values().stream().filter(filter);
    }
}
