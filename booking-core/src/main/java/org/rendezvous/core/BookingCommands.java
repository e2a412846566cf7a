package org.rendezvous.core;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Finds the booking a command is about and runs the command's step on it under the practitioner's agenda
 * lock, once per idempotency key (BK-8), with the booking read again inside the lock.
 */
final class BookingCommands {

    @FunctionalInterface
    interface Step {
        Outcome<Booking> apply(Booking booking, Instant now);
    }

    private final Transactions transactions;
    private final Bookings bookings;
    private final OncePerKey once;
    private final Now now;

    BookingCommands(Transactions transactions, Bookings bookings, OncePerKey once, Now now) {
        this.transactions = transactions;
        this.bookings = bookings;
        this.once = once;
        this.now = now;
    }

    /** The booking behind a client's link, if the link is right (ACC-2). */
    Optional<Booking> findByLink(AccessToken token) {
        return bookings.findByAccessToken(token).filter(b -> b.accessToken().matches(token.value()));
    }

    /** A practitioner's command on one of their bookings; NOT_FOUND for anyone else's. */
    Outcome<Booking> byPractitioner(PractitionerId practitioner, BookingId id, String operation, String fingerprint,
                                    IdempotencyKey key, Step step) {
        return transactions.inAgenda(practitioner, () -> once.run(practitioner, key, operation, fingerprint, () -> {
            Optional<Booking> booking = bookings.find(id).filter(b -> b.practitionerId().equals(practitioner));
            if (booking.isEmpty()) {
                return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
            }
            return step.apply(booking.get(), now.instant());
        }));
    }

    /** A client's command through their booking link (ACC-2). */
    Outcome<Booking> byClient(AccessToken token, String operation, String fingerprint, IdempotencyKey key, Step step) {
        Optional<Booking> found = findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        PractitionerId practitioner = found.get().practitionerId();
        return transactions.inAgenda(practitioner, () -> once.run(practitioner, key, operation, fingerprint,
                () -> step.apply(bookings.find(found.get().id()).orElseThrow(), now.instant())));
    }

    /** Loads a booking, then runs under its practitioner's agenda lock with the booking read again inside it. */
    Outcome<Booking> onBooking(BookingId id, Function<Booking, Outcome<Booking>> work) {
        Optional<Booking> found = bookings.find(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
        }
        return transactions.inAgenda(found.get().practitionerId(), () -> work.apply(bookings.find(id).orElseThrow()));
    }

    /** Runs an idempotent command (BK-8) of its own under the practitioner's agenda lock. */
    Outcome<Booking> inAgenda(PractitionerId practitioner, IdempotencyKey key, String operation, String fingerprint,
                              java.util.function.Supplier<Outcome<Booking>> command) {
        return transactions.inAgenda(practitioner, () -> once.run(practitioner, key, operation, fingerprint, command));
    }

    /** Runs once per key (BK-8); the caller already holds the agenda lock. */
    Outcome<Booking> once(PractitionerId practitioner, IdempotencyKey key, String operation, String fingerprint,
                          java.util.function.Supplier<Outcome<Booking>> command) {
        return once.run(practitioner, key, operation, fingerprint, command);
    }
}
