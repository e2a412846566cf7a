package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Outbox;
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.Transactions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time-driven parts of the lifecycle. The host only schedules them; each run handles one batch,
 * re-reads every booking under its agenda lock and acts only if it is still due, so two instances
 * running the same job at once change each booking once.
 */
public final class LifecycleJobs {

    /** BK-4: the practitioner is reminded of a request still unanswered this long after it arrived. */
    public static final List<Duration> UNANSWERED_REMINDERS = List.of(Duration.ofHours(2), Duration.ofHours(24));

    private static final Logger LOG = LoggerFactory.getLogger(LifecycleJobs.class);

    private final Bookings bookings;
    private final Outbox outbox;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final PaymentGateway paymentGateway;
    private final LockedSaves saves;
    private final Endings endings;
    private final Arrivals arrivals;
    private final Cashier cashier;
    private final int batchSize;

    LifecycleJobs(Bookings bookings, Outbox outbox, Transactions transactions, Ids ids, Now clock,
                  PaymentGateway paymentGateway, LockedSaves saves, Endings endings, Arrivals arrivals,
                  Cashier cashier, int batchSize) {
        this.bookings = bookings;
        this.outbox = outbox;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.paymentGateway = paymentGateway;
        this.saves = saves;
        this.cashier = cashier;
        this.endings = endings;
        this.arrivals = arrivals;
        this.batchSize = batchSize;
    }

    /**
     * BK-3 and BK-4: holds whose payment window is over and requests unanswered at start − minimum
     * notice. Before a hold is given up the payment provider is asked whether the money arrived after
     * all; while the provider cannot be reached, the hold is kept and asked about again next run.
     */
    public JobReport expireOverdue() {
        Instant now = clock.instant();
        List<Booking> due = bookings.expiringBy(now, batchSize);
        int changed = 0;
        int deferred = 0;
        for (Booking candidate : due) {
            // The provider is asked outside the agenda lock: a slow provider must not block the agenda.
            Optional<PaymentCheck> check = candidate.state() == BookingState.HELD
                    ? Optional.of(paymentGateway.check(candidate.id())) : Optional.empty();
            if (check.isPresent() && check.get() instanceof PaymentCheck.Unreachable unreachable) {
                LOG.warn("hold of booking {} kept: payment provider unreachable ({})", candidate.id(), unreachable.why());
                deferred++;
                continue;
            }
            boolean done = transactions.inAgenda(candidate.practitionerId(), () -> {
                // Re-read under the lock: another instance may have handled it, or its creation rolled back.
                Optional<Booking> current = bookings.find(candidate.id());
                if (current.isEmpty()) {
                    return false;
                }
                Booking booking = current.get();
                Instant at = clock.instant();
                if (booking.expiresAt().isEmpty() || booking.expiresAt().get().isAfter(at)) {
                    return false;
                }
                if (booking.state() == BookingState.HELD) {
                    return expireHold(booking, check.orElseThrow(), at);
                }
                if (booking.state() == BookingState.PENDING) {
                    return endings.endBySystem(booking, BookingState.EXPIRED, Cause.REQUEST_EXPIRED, at,
                            Settlement.giveEverythingBack(booking.paid(), booking.guaranteeSaved()),
                            MessageKind.REQUEST_EXPIRED).isAccepted();
                }
                return false;
            });
            if (done) {
                changed++;
                if (check.isPresent() && check.get() instanceof PaymentCheck.NothingReceived) {
                    // Outside the lock, after the commit: a client must not pay for a hold that is gone.
                    paymentGateway.abandon(candidate.id());
                }
            }
        }
        return new JobReport(due.size(), changed, deferred);
    }

    private boolean expireHold(Booking booking, PaymentCheck check, Instant now) {
        if (check instanceof PaymentCheck.Paid paid && paid.amount().equals(booking.price())) {
            return arrivals.holdPaid(booking, paid.amount(), paid.reference(), Optional.empty(), now).isAccepted();
        }
        if (check instanceof PaymentCheck.GuaranteeSaved saved) {
            return arrivals.holdGuaranteed(booking, saved.reference(), now).isAccepted();
        }
        return endings.endBySystem(booking, BookingState.EXPIRED, Cause.HOLD_EXPIRED, now,
                new MoneyDecision.NoMoneyMoves(), MessageKind.HOLD_EXPIRED).isAccepted();
    }

    /** BK-5: a confirmed booking whose end has passed becomes COMPLETED (a no-show can still be reported). */
    public JobReport completeEnded() {
        Instant now = clock.instant();
        List<Booking> due = bookings.confirmedEndedBy(now, batchSize);
        int changed = 0;
        for (Booking candidate : due) {
            boolean done = transactions.inAgenda(candidate.practitionerId(), () -> {
                Optional<Booking> current = bookings.find(candidate.id());
                if (current.isEmpty()) {
                    return false;
                }
                Booking booking = current.get();
                Instant at = clock.instant();
                if (booking.state() != BookingState.CONFIRMED || booking.end().isAfter(at)) {
                    return false;
                }
                return booking.transition(BookingState.COMPLETED, Cause.ENDED, Actor.SYSTEM, at, Optional.empty())
                        .fold(completed -> {
                            saves.save(booking, completed);
                            cashier.completed(completed, at);
                            return true;
                        }, rejected -> false);
            });
            if (done) {
                changed++;
            }
        }
        return new JobReport(due.size(), changed, 0);
    }

    /** BK-4: reminds the practitioner of requests still unanswered 2 h and 24 h after they arrived; each once. */
    public JobReport remindUnansweredRequests() {
        Instant now = clock.instant();
        List<Booking> pending = bookings.pendingCreatedBy(now.minus(UNANSWERED_REMINDERS.get(0)), batchSize);
        int written = 0;
        for (Booking booking : pending) {
            for (Duration after : UNANSWERED_REMINDERS) {
                if (!booking.createdAt().plus(after).isAfter(now)) {
                    String cause = "request-unanswered-" + after.toHours() + "h:" + booking.id();
                    boolean added = transactions.inTransaction(() -> {
                        boolean any = false;
                        for (MessageKind.Route route : MessageKind.REQUEST_UNANSWERED.routes()) {
                            any |= outbox.append(org.rendezvous.core.notification.OutboxMessage.of(
                                    new org.rendezvous.core.notification.OutboxMessageId(ids.newId()),
                                    booking.practitionerId(), Optional.of(booking.id()), MessageKind.REQUEST_UNANSWERED,
                                    route, cause, Map.of("waitingSince", booking.createdAt().toString()), now));
                        }
                        return any;
                    });
                    if (added) {
                        written++;
                    }
                }
            }
        }
        return new JobReport(pending.size(), written, 0);
    }
}
