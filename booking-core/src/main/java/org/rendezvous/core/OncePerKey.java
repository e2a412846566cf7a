package org.rendezvous.core;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.IdempotencyKeys;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Runs a booking command once per idempotency key (BK-8): a repeat returns the first result, a key reused
 * for another command is refused. Must run under the scope's agenda lock.
 */
final class OncePerKey {

    private final IdempotencyKeys keys;
    private final Bookings bookings;
    private final Now now;

    OncePerKey(IdempotencyKeys keys, Bookings bookings, Now now) {
        this.keys = keys;
        this.bookings = bookings;
        this.now = now;
    }

    Outcome<Booking> run(PractitionerId scope, IdempotencyKey key, String operation, String fingerprint,
                         Supplier<Outcome<Booking>> command) {
        Optional<IdempotencyRecord> earlier = keys.find(scope, key);
        if (earlier.isPresent()) {
            IdempotencyRecord record = earlier.get();
            if (!record.sameCommand(operation, fingerprint)) {
                return Outcome.rejected(Reason.IDEMPOTENCY_KEY_REUSED,
                        "idempotencyKey: already used for another command");
            }
            if (record.rejection().isPresent()) {
                return Outcome.rejected(record.rejection().get(), record.detail());
            }
            return bookings.find(BookingId.of(record.subjectId().orElseThrow()))
                    .<Outcome<Booking>>map(Outcome::accepted)
                    .orElseThrow(() -> new IllegalStateException("remembered booking " + record.subjectId() + " is gone"));
        }
        Outcome<Booking> result = command.get();
        Instant at = now.instant();
        keys.remember(result.fold(
                booking -> new IdempotencyRecord(scope, key, operation, fingerprint, Optional.of(booking.id().toString()),
                        Optional.empty(), "", at),
                rejected -> new IdempotencyRecord(scope, key, operation, fingerprint, Optional.empty(),
                        Optional.of(rejected.reason()), rejected.detail(), at)));
        return result;
    }
}
