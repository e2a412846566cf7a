package org.rendezvous.core;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What the use cases not yet given their own ports share: the ports, the clock, and the shared steps, each of
 * which now lives in its own collaborator ({@link Announcements}, {@link OncePerKey}, {@link AgendaSnapshots},
 * {@link LockedSaves}). The booking, client-link and waitlist use cases take those directly.
 */
final class Engine {

    final Stores stores;
    final PaymentGateway payments;
    final PayoutGateway payouts;
    final Ids ids;
    final EngineSettings settings;
    /** The operators' audit log, which says who is suspended (new bookings are refused for them). */
    final OperatorActions operatorActions;
    final Now clock;
    final Announcements announcements;
    final OncePerKey oncePerKey;
    final AgendaSnapshots snapshots;
    final LockedSaves saves;

    Engine(Stores stores, PaymentGateway payments, PayoutGateway payouts, Ids ids, Clock clock, EngineSettings settings,
           OperatorActions operatorActions) {
        this.stores = stores;
        this.operatorActions = operatorActions;
        this.payments = payments;
        this.payouts = payouts;
        this.ids = ids;
        this.clock = new Now(clock);
        this.settings = settings;
        this.announcements = new Announcements(stores.outbox(), ids);
        this.oncePerKey = new OncePerKey(stores.idempotencyKeys(), stores.bookings(), this.clock);
        this.snapshots = new AgendaSnapshots(stores.agendas(), stores.bookings());
        this.saves = new LockedSaves(stores.bookings());
    }

    /** Now, to the microsecond: what PostgreSQL keeps of an instant, so that every store agrees. */
    Instant now() {
        return clock.instant();
    }

    Optional<AgendaSettings> agendaSettings(PractitionerId practitioner) {
        return snapshots.settings(practitioner);
    }

    /** @see AgendaSnapshots#around */
    AgendaSnapshot snapshot(PractitionerId practitioner, AgendaSettings agendaSettings, Instant from, Instant to,
                            Optional<BookingId> leaving) {
        return snapshots.around(practitioner, agendaSettings, from, to, leaving);
    }

    void announce(MessageKind kind, Booking booking, String cause, Map<String, String> parameters, Instant now) {
        announcements.announce(kind, booking, cause, parameters, now);
    }

    void announceToPractitioner(MessageKind kind, PractitionerId practitioner, String cause, Map<String, String> parameters,
                                Instant now) {
        announcements.announceToPractitioner(kind, practitioner, cause, parameters, now);
    }

    List<OutboxMessage> messagesToPractitioner(MessageKind kind, PractitionerId practitioner, String cause,
                                               Map<String, String> parameters, Instant now) {
        return announcements.messagesToPractitioner(kind, practitioner, cause, parameters, now);
    }

    void announce(MessageKind kind, Booking booking, Instant now) {
        announcements.announce(kind, booking, now);
    }

    void save(Booking before, Booking after) {
        saves.save(before, after);
    }

    Outcome<Booking> once(PractitionerId scope, IdempotencyKey key, String operation, String fingerprint,
                          Supplier<Outcome<Booking>> command) {
        return oncePerKey.run(scope, key, operation, fingerprint, command);
    }
}
