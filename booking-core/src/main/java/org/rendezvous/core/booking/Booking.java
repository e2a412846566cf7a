package org.rendezvous.core.booking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A booking: an immutable aggregate. Every change returns a new instance with the next version, so
 * stores can update conditionally on the version they read, and every change of state is recorded
 * in {@link #history()} with its instant, cause and actor (BK-2).
 */
public final class Booking {

    private final BookingId id;
    private final PractitionerId practitionerId;
    private final ActivityId activityId;
    private final ClientId clientId;
    private final ClientDetails client;
    private final SortedMap<String, String> answers;
    private final ConsultationMode mode;
    private final Instant start;
    private final Instant end;
    private final BookingTerms terms;
    private final BookingState state;
    private final BookedBy bookedBy;
    private final AccessToken accessToken;
    private final Instant createdAt;
    private final Optional<Instant> expiresAt;
    private final Money paid;
    private final Optional<String> paymentReference;
    private final Optional<String> guaranteeReference;
    private final Optional<MoneyDecision> settlement;
    private final List<Transition> history;
    private final List<Move> moves;
    private final long version;

    private Booking(BookingId id, PractitionerId practitionerId, ActivityId activityId, ClientId clientId,
                    ClientDetails client, Map<String, String> answers, ConsultationMode mode, Instant start, Instant end,
                    BookingTerms terms, BookingState state, BookedBy bookedBy, AccessToken accessToken,
                    Instant createdAt, Optional<Instant> expiresAt, Money paid, Optional<String> paymentReference,
                    Optional<String> guaranteeReference, Optional<MoneyDecision> settlement, List<Transition> history,
                    List<Move> moves, long version) {
        this.id = Objects.requireNonNull(id, "id");
        this.practitionerId = Objects.requireNonNull(practitionerId, "practitionerId");
        this.activityId = Objects.requireNonNull(activityId, "activityId");
        this.clientId = Objects.requireNonNull(clientId, "clientId");
        this.client = Objects.requireNonNull(client, "client");
        this.answers = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(answers, "answers")));
        this.mode = Objects.requireNonNull(mode, "mode");
        this.start = Objects.requireNonNull(start, "start");
        this.end = Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("end: must be after start");
        }
        this.terms = Objects.requireNonNull(terms, "terms");
        this.state = Objects.requireNonNull(state, "state");
        this.bookedBy = Objects.requireNonNull(bookedBy, "bookedBy");
        this.accessToken = Objects.requireNonNull(accessToken, "accessToken");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.paid = Objects.requireNonNull(paid, "paid");
        if (!paid.currency().equals(terms.price().currency()) || paid.isNegative()) {
            throw new IllegalArgumentException("paid: must be zero or more, in the price's currency");
        }
        this.paymentReference = Objects.requireNonNull(paymentReference, "paymentReference");
        this.guaranteeReference = Objects.requireNonNull(guaranteeReference, "guaranteeReference");
        this.settlement = Objects.requireNonNull(settlement, "settlement");
        this.history = List.copyOf(history);
        if (this.history.isEmpty()) {
            throw new IllegalArgumentException("history: a booking has at least its creation");
        }
        this.moves = List.copyOf(moves);
        this.version = version;
    }

    /** A new booking in its first state, with its creation recorded (BK-2). */
    public static Booking create(BookingId id, PractitionerId practitionerId, ActivityId activityId, ClientId clientId,
                                 ClientDetails client, Map<String, String> answers, ConsultationMode mode,
                                 Instant start, Duration duration, BookingTerms terms, BookingState initialState,
                                 BookedBy bookedBy, AccessToken accessToken, Instant now, Optional<Instant> expiresAt) {
        if (!initialState.holdsSeat()) {
            throw new IllegalArgumentException("initialState: a booking starts HELD, PENDING or CONFIRMED");
        }
        Actor actor = bookedBy == BookedBy.CLIENT ? Actor.CLIENT : Actor.PRACTITIONER;
        Transition creation = new Transition(Optional.empty(), initialState, now, Cause.BOOKED, actor);
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, start.plus(duration),
                terms, initialState, bookedBy, accessToken, now, expiresAt, Money.zero(terms.price().currency()),
                Optional.empty(), Optional.empty(), Optional.empty(), List.of(creation), List.of(), 1);
    }

    /** Rebuilds a stored booking as it was saved; for store adapters only. */
    public static Booking restore(BookingId id, PractitionerId practitionerId, ActivityId activityId, ClientId clientId,
                                  ClientDetails client, Map<String, String> answers, ConsultationMode mode,
                                  Instant start, Instant end, BookingTerms terms, BookingState state, BookedBy bookedBy,
                                  AccessToken accessToken, Instant createdAt, Optional<Instant> expiresAt, Money paid,
                                  Optional<String> paymentReference, Optional<String> guaranteeReference,
                                  Optional<MoneyDecision> settlement, List<Transition> history, List<Move> moves,
                                  long version) {
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, end, terms, state,
                bookedBy, accessToken, createdAt, expiresAt, paid, paymentReference, guaranteeReference, settlement,
                history, moves, version);
    }

    /**
     * Moves to another state if BK-2 allows it, recording the change. {@code expiresAt} is the new
     * deadline of a state that has one (the hold's end, or the moment a pending request expires).
     */
    public Outcome<Booking> transition(BookingState target, Cause cause, Actor actor, Instant at,
                                       Optional<Instant> newExpiresAt) {
        if (!state.canBecome(target)) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: a " + state + " booking cannot become " + target);
        }
        List<Transition> newHistory = new ArrayList<>(history);
        newHistory.add(new Transition(Optional.of(state), target, at, cause, actor));
        return Outcome.accepted(new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, end,
                terms, target, bookedBy, accessToken, createdAt, target.holdsSeat() ? newExpiresAt : Optional.empty(),
                paid, paymentReference, guaranteeReference, settlement, newHistory, moves, version + 1));
    }

    /** Records an online payment received for this booking. */
    public Booking withPayment(Money amount, String reference) {
        Objects.requireNonNull(reference, "reference");
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, end, terms, state,
                bookedBy, accessToken, createdAt, expiresAt, paid.plus(amount), Optional.of(reference),
                guaranteeReference, settlement, history, moves, version + 1);
    }

    /** Records the card guarantee saved at booking (PAY-2). */
    public Booking withGuarantee(String reference) {
        Objects.requireNonNull(reference, "reference");
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, end, terms, state,
                bookedBy, accessToken, createdAt, expiresAt, paid, paymentReference, Optional.of(reference),
                settlement, history, moves, version + 1);
    }

    /** Records the money decision taken when the booking ended (cancellation, refusal, expiry, no-show). */
    public Booking withSettlement(MoneyDecision decision) {
        Objects.requireNonNull(decision, "decision");
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, start, end, terms, state,
                bookedBy, accessToken, createdAt, expiresAt, paid, paymentReference, guaranteeReference,
                Optional.of(decision), history, moves, version + 1);
    }

    /** Reschedules to a new start (BK-7); state, activity, mode, price and payment carry over. */
    public Booking movedTo(Instant newStart, Instant at, Actor actor) {
        List<Move> newMoves = new ArrayList<>(moves);
        newMoves.add(new Move(start, newStart, at, actor));
        Duration duration = Duration.between(start, end);
        Optional<Instant> newExpiry = state == BookingState.PENDING
                ? Optional.of(newStart.minus(terms.minimumNotice())) : expiresAt;
        return new Booking(id, practitionerId, activityId, clientId, client, answers, mode, newStart,
                newStart.plus(duration), terms, state, bookedBy, accessToken, createdAt, newExpiry, paid,
                paymentReference, guaranteeReference, settlement, history, newMoves, version + 1);
    }

    /**
     * The booking with the client's details replaced by anonymous ones and the answers to the booking form
     * dropped (erasure, CLI-2); dates, state, history, terms and money stay, as the books need them.
     */
    public Booking withClientErased(ClientDetails anonymous) {
        Objects.requireNonNull(anonymous, "anonymous");
        return new Booking(id, practitionerId, activityId, clientId, anonymous, Map.of(), mode, start, end, terms, state,
                bookedBy, accessToken, createdAt, expiresAt, paid, paymentReference, guaranteeReference, settlement,
                history, moves, version + 1);
    }

    // The lifecycle's preconditions (BK-2, BK-4, BK-7, CX-1 … CX-4, CX-7): the booking decides, the use cases orchestrate.

    /** BK-4: the practitioner confirms a PENDING request that has not expired by {@code now}. */
    public Outcome<Booking> confirmByPractitioner(Instant now) {
        if (state == BookingState.PENDING && expiresAt.filter(e -> !now.isBefore(e)).isPresent()) {
            return Outcome.rejected(Reason.REQUEST_EXPIRED, "bookingId: the request expired at " + expiresAt.get());
        }
        if (state != BookingState.PENDING) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: only a PENDING booking can be confirmed, this one is " + state);
        }
        return transition(BookingState.CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER, Actor.PRACTITIONER, now,
                Optional.empty());
    }

    /** BK-7: only a PENDING or CONFIRMED booking can be moved (by anyone). */
    public Outcome<Booking> movable() {
        if (state != BookingState.PENDING && state != BookingState.CONFIRMED) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: only a PENDING or CONFIRMED booking can be moved, this one is " + state);
        }
        return Outcome.accepted(this);
    }

    /** BK-7: the client moves a PENDING or CONFIRMED booking until the frozen cancellation deadline before its start. */
    public Outcome<Booking> movableByClient(Instant now) {
        return movable().flatMap(booking -> Settlement.isEarly(start, now, terms.cancellationDeadline())
                ? Outcome.accepted(booking)
                : Outcome.rejected(Reason.MOVE_TOO_LATE, "newStart: a booking can be moved until "
                        + terms.cancellationDeadline().toHours() + " h before its start"));
    }

    /** What a payment the provider reports means for this booking (BK-3). */
    public enum PaymentFate {
        /** The same payment again: nothing to do. */
        ALREADY_RECORDED,
        /** The payment of a held booking, which now leaves the hold. */
        PAYS_THE_HOLD,
        /** Money for a booking no longer waiting for it: it goes back in full. */
        REFUNDED_LATE
    }

    /** BK-3: a payment of {@code amount} arrives under {@code reference}; refused if it does not fit. */
    public Outcome<PaymentFate> paymentArrives(Money amount, String reference) {
        if (paymentReference.filter(reference::equals).isPresent()) {
            return Outcome.accepted(PaymentFate.ALREADY_RECORDED);
        }
        if (!amount.currency().equals(price().currency())) {
            return Outcome.rejected(Reason.PAYMENT_AMOUNT_MISMATCH, "amount: not in the booking's currency");
        }
        if (state == BookingState.HELD) {
            if (!amount.equals(price())) {
                return Outcome.rejected(Reason.PAYMENT_AMOUNT_MISMATCH,
                        "amount: " + amount + " received for a price of " + price());
            }
            return Outcome.accepted(PaymentFate.PAYS_THE_HOLD);
        }
        if (!holdsSeat() && state != BookingState.COMPLETED && state != BookingState.NO_SHOW) {
            return Outcome.accepted(PaymentFate.REFUNDED_LATE);
        }
        return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "state: a " + state + " booking is not waiting for a payment");
    }

    /** What a card guarantee the provider reports means for this booking (PAY-2). */
    public enum GuaranteeFate {
        /** The same guarantee again: nothing to do. */
        ALREADY_RECORDED,
        /** The guarantee of a held booking, which now leaves the hold. */
        GUARANTEES_THE_HOLD,
        /** A guarantee for a booking that ended with no money to take: it is released. */
        RELEASED_LATE
    }

    /** PAY-2: a card guarantee arrives under {@code reference}; refused if the booking is not waiting for one. */
    public Outcome<GuaranteeFate> guaranteeArrives(String reference) {
        if (guaranteeReference.filter(reference::equals).isPresent()) {
            return Outcome.accepted(GuaranteeFate.ALREADY_RECORDED);
        }
        if (state == BookingState.HELD) {
            return Outcome.accepted(GuaranteeFate.GUARANTEES_THE_HOLD);
        }
        if (!holdsSeat() && settlement.filter(d -> !(d instanceof MoneyDecision.NoMoneyMoves)).isEmpty()) {
            return Outcome.accepted(GuaranteeFate.RELEASED_LATE);
        }
        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                "state: a " + state + " booking is not waiting for a card guarantee");
    }

    /** CX-7: only a PENDING or CONFIRMED booking may wait for an earlier time. */
    public Outcome<Booking> mayWaitForEarlierTime() {
        if (state != BookingState.PENDING && state != BookingState.CONFIRMED) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: a " + state + " booking cannot wait for an earlier time");
        }
        return Outcome.accepted(this);
    }

    /** CX-7: whether this booking could take a seat offered at {@code offered}: it holds a later seat, still movable by its client. */
    public boolean couldTakeEarlierSeat(Instant offered, Instant now) {
        return holdsSeat() && start.isAfter(offered) && Settlement.isEarly(start, now, terms.cancellationDeadline());
    }

    /** CX-4: a CONFIRMED or COMPLETED booking may be reported a no-show from its start until 48 h after its end. */
    public Outcome<Booking> noShowReportable(Instant now) {
        if (state != BookingState.CONFIRMED && state != BookingState.COMPLETED) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: only a CONFIRMED or COMPLETED booking can be a no-show, this one is " + state);
        }
        if (!Settlement.insideNoShowReportWindow(start, end, now)) {
            return Outcome.rejected(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW,
                    "bookingId: a no-show is reported from the start until 48 h after the end");
        }
        return Outcome.accepted(this);
    }

    /** CX-4: what a no-show costs under the frozen terms: the percentage kept from the prepayment or charged to the card. */
    public MoneyDecision noShowDecision() {
        return Settlement.noShow(price(), paid, guaranteeSaved(), terms.noShowPercentage());
    }

    /** CX-1 … CX-3: what the client's cancellation at {@code now} costs: nothing early or unconfirmed, else the percentage. */
    public MoneyDecision clientCancellationDecision(Instant now) {
        return Settlement.clientCancels(price(), paid, guaranteeSaved(), terms.noShowPercentage(),
                Settlement.isEarly(start, now, terms.cancellationDeadline()), state == BookingState.CONFIRMED);
    }

    /** CX-5, BK-4: the practitioner refuses or cancels, or a request expires: everything paid goes back. */
    public MoneyDecision givingEverythingBack() {
        return Settlement.giveEverythingBack(paid, guaranteeSaved());
    }

    public boolean holdsSeat() {
        return state.holdsSeat();
    }

    public TimeRange occupied() {
        return new TimeRange(start, end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }

    public boolean guaranteeSaved() {
        return guaranteeReference.isPresent();
    }

    /** A number that grows with every change a calendar must see (moves, cancellation): the iCalendar SEQUENCE. */
    public int calendarSequence() {
        return moves.size() + (state.holdsSeat() || state == BookingState.COMPLETED ? 0 : 1);
    }

    public BookingId id() {
        return id;
    }

    public PractitionerId practitionerId() {
        return practitionerId;
    }

    public ActivityId activityId() {
        return activityId;
    }

    public ClientId clientId() {
        return clientId;
    }

    public ClientDetails client() {
        return client;
    }

    public SortedMap<String, String> answers() {
        return answers;
    }

    public ConsultationMode mode() {
        return mode;
    }

    public Instant start() {
        return start;
    }

    public Instant end() {
        return end;
    }

    public BookingTerms terms() {
        return terms;
    }

    public Money price() {
        return terms.price();
    }

    public BookingState state() {
        return state;
    }

    public BookedBy bookedBy() {
        return bookedBy;
    }

    public AccessToken accessToken() {
        return accessToken;
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** When the hold (HELD) or the request (PENDING) expires; empty in other states. */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    public Money paid() {
        return paid;
    }

    public Optional<String> paymentReference() {
        return paymentReference;
    }

    public Optional<String> guaranteeReference() {
        return guaranteeReference;
    }

    public Optional<MoneyDecision> settlement() {
        return settlement;
    }

    public List<Transition> history() {
        return history;
    }

    public List<Move> moves() {
        return moves;
    }

    public long version() {
        return version;
    }

    /** Equal when every field is equal: what a store gives back must be what was saved. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Booking that && id.equals(that.id) && version == that.version
                && practitionerId.equals(that.practitionerId) && activityId.equals(that.activityId)
                && clientId.equals(that.clientId) && client.equals(that.client) && answers.equals(that.answers)
                && mode == that.mode && start.equals(that.start) && end.equals(that.end) && terms.equals(that.terms)
                && state == that.state && bookedBy == that.bookedBy && accessToken.equals(that.accessToken)
                && createdAt.equals(that.createdAt) && expiresAt.equals(that.expiresAt) && paid.equals(that.paid)
                && paymentReference.equals(that.paymentReference) && guaranteeReference.equals(that.guaranteeReference)
                && settlement.equals(that.settlement) && history.equals(that.history) && moves.equals(that.moves);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version);
    }

    @Override
    public String toString() {
        return "Booking[" + id + " " + state + " " + start + " v" + version + "]";
    }
}
