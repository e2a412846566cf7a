package org.rendezvous.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.Occupancy;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every use case shares: the ports, the clock, and the few steps they all take the same way. */
final class Engine {

    final Stores stores;
    final PaymentGateway payments;
    final PayoutGateway payouts;
    final Ids ids;
    final EngineSettings settings;
    /** The operators' audit log, which says who is suspended (new bookings are refused for them). */
    final OperatorActions operatorActions;
    private final Clock clock;

    Engine(Stores stores, PaymentGateway payments, PayoutGateway payouts, Ids ids, Clock clock, EngineSettings settings,
           OperatorActions operatorActions) {
        this.stores = stores;
        this.operatorActions = operatorActions;
        this.payments = payments;
        this.payouts = payouts;
        this.ids = ids;
        this.clock = clock;
        this.settings = settings;
    }

    /** Now, to the microsecond: what PostgreSQL keeps of an instant, so that every store agrees. */
    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    Optional<AgendaSettings> agendaSettings(PractitionerId practitioner) {
        return stores.agendas().settings(practitioner);
    }

    /**
     * The agenda around [from, to): its openings, the unavailabilities and seat-holding bookings that
     * can matter there, optionally without one booking (the one being moved).
     */
    AgendaSnapshot snapshot(PractitionerId practitioner, AgendaSettings agendaSettings, Instant from, Instant to,
                            Optional<BookingId> leaving) {
        // Bookings up to a day beyond the range can still reach into it with their spacing.
        Instant wideFrom = from.minus(Duration.ofDays(1));
        Instant wideTo = to.plus(Duration.ofDays(1));
        List<TimeRange> taken = stores.bookings().occupied(practitioner, wideFrom, wideTo, leaving);
        org.rendezvous.core.port.Agendas.OpeningsAndUnavailabilities plan =
                stores.agendas().openingsAndUnavailabilities(practitioner, wideFrom, wideTo);
        return new AgendaSnapshot(agendaSettings, plan.openings(), plan.unavailabilities(), Occupancy.of(taken));
    }

    /** Writes the messages of an event for each of its recipients and channels (NOT-1, NOT-3). */
    void announce(MessageKind kind, Booking booking, String cause, Map<String, String> parameters, Instant now) {
        List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (MessageKind.Route route : kind.routes()) {
            messages.add(OutboxMessage.of(new OutboxMessageId(ids.newId()), booking.practitionerId(),
                    Optional.of(booking.id()), kind, route, cause, parameters, now));
        }
        // One write for all the event's messages (issue 15), not one per recipient and channel.
        stores.outbox().appendAll(messages);
    }

    /** Writes a message about no booking in particular (a payout, the quota) for the practitioner. */
    void announceToPractitioner(MessageKind kind, PractitionerId practitioner, String cause, Map<String, String> parameters,
                                Instant now) {
        for (MessageKind.Route route : kind.routes()) {
            stores.outbox().append(OutboxMessage.of(new OutboxMessageId(ids.newId()), practitioner, Optional.empty(), kind,
                    route, cause, parameters, now));
        }
    }

    /** The messages {@link #announceToPractitioner} would write, for the caller to write with others in one step. */
    List<OutboxMessage> messagesToPractitioner(MessageKind kind, PractitionerId practitioner, String cause,
                                               Map<String, String> parameters, Instant now) {
        List<OutboxMessage> messages = new java.util.ArrayList<>();
        for (MessageKind.Route route : kind.routes()) {
            messages.add(OutboxMessage.of(new OutboxMessageId(ids.newId()), practitioner, Optional.empty(), kind,
                    route, cause, parameters, now));
        }
        return messages;
    }

    void announce(MessageKind kind, Booking booking, Instant now) {
        announce(kind, booking, kind + ":" + booking.id() + ":v" + booking.version(), Map.of(), now);
    }

    /** Stores a change of a booking read under the agenda lock; a lost race here is a bug, not a business case. */
    void save(Booking before, Booking after) {
        if (!stores.bookings().update(after, before.version())) {
            throw new IllegalStateException("booking " + before.id() + " changed under the agenda lock");
        }
    }

    /**
     * Runs a command once per idempotency key (BK-8): a repeat returns the first result, a key reused
     * for another command is refused. Must run under the scope's agenda lock.
     */
    Outcome<Booking> once(PractitionerId scope, IdempotencyKey key, String operation, String fingerprint,
                          Supplier<Outcome<Booking>> command) {
        Optional<IdempotencyRecord> earlier = stores.idempotencyKeys().find(scope, key);
        if (earlier.isPresent()) {
            IdempotencyRecord record = earlier.get();
            if (!record.sameCommand(operation, fingerprint)) {
                return Outcome.rejected(Reason.IDEMPOTENCY_KEY_REUSED,
                        "idempotencyKey: already used for another command");
            }
            if (record.rejection().isPresent()) {
                return Outcome.rejected(record.rejection().get(), record.detail());
            }
            return stores.bookings().find(BookingId.of(record.subjectId().orElseThrow()))
                    .<Outcome<Booking>>map(Outcome::accepted)
                    .orElseThrow(() -> new IllegalStateException("remembered booking " + record.subjectId() + " is gone"));
        }
        Outcome<Booking> result = command.get();
        Instant now = now();
        stores.idempotencyKeys().remember(result.fold(
                booking -> new IdempotencyRecord(scope, key, operation, fingerprint, Optional.of(booking.id().toString()),
                        Optional.empty(), "", now),
                rejected -> new IdempotencyRecord(scope, key, operation, fingerprint, Optional.empty(),
                        Optional.of(rejected.reason()), rejected.detail(), now)));
        return result;
    }
}
