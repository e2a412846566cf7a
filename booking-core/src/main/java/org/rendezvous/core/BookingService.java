package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.AgendaSnapshot;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.BookingTerms;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByClientCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RecordGuaranteeCommand;
import org.rendezvous.core.booking.RecordPaymentCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.booking.TakeWaitlistOfferCommand;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.plan.Quotas;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.policy.PaymentTerms;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.waitlist.WaitlistEntry;
import org.rendezvous.core.waitlist.WaitlistEntryId;

/**
 * The booking lifecycle (BK-1 … BK-8) with the cancellation and no-show rules (CX-1 … CX-7).
 * Every command takes the practitioner's agenda lock, runs once per idempotency key, and writes
 * the messages it causes in the same transaction. Money decisions come back inside the booking
 * ({@link Booking#settlement()}).
 */
public final class BookingService {

    private final Engine engine;
    private final Cashier cashier;

    BookingService(Engine engine, Cashier cashier) {
        this.engine = engine;
        this.cashier = cashier;
    }

    // Booking (BK-1, BK-3, BK-4, BK-6, BK-9)

    public Outcome<Booking> book(BookCommand command) {
        PractitionerId practitioner = command.practitionerId();
        return engine.stores.transactions().inAgenda(practitioner, () ->
                engine.once(practitioner, command.idempotencyKey(), "book", command.fingerprint(),
                        () -> doBook(command, booked -> { })));
    }

    /** A booking with the activity and the agenda settings it was made under: what a client's answer shows. */
    public record Booked(Booking booking, Optional<Activity> activity, Optional<AgendaSettings> settings) {
        public Booked {
            java.util.Objects.requireNonNull(booking, "booking");
            java.util.Objects.requireNonNull(activity, "activity");
            java.util.Objects.requireNonNull(settings, "settings");
        }
    }

    /**
     * {@link #book}, with the activity and settings the booking was checked against, taken from its own
     * transaction rather than read again for the answer (issue 15); for a repeated command (BK-8) they are
     * read as they stand now.
     */
    public Outcome<Booked> bookWithTerms(BookCommand command) {
        PractitionerId practitioner = command.practitionerId();
        Booked[] made = new Booked[1];
        Outcome<Booking> outcome = engine.stores.transactions().inAgenda(practitioner, () -> {
            made[0] = null;
            return engine.once(practitioner, command.idempotencyKey(), "book", command.fingerprint(),
                    () -> doBook(command, booked -> made[0] = booked));
        });
        return outcome.map(booking -> made[0] != null && made[0].booking() == booking ? made[0]
                : new Booked(booking, engine.stores.agendas().activity(practitioner, booking.activityId()),
                        engine.agendaSettings(practitioner)));
    }

    private Outcome<Booking> doBook(BookCommand command, java.util.function.Consumer<Booked> made) {
        Instant now = engine.now();
        PractitionerId practitioner = command.practitionerId();
        // Settings, form and activity in one read (issue 15); an adapter may bring the suspension with them.
        Optional<org.rendezvous.core.port.Agendas.SettingsAndActivity> found =
                engine.stores.agendas().settingsAndActivity(practitioner, command.activityId());
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        AgendaSettings settings = found.get().settings();
        if (engine.operatorActions.suspended(practitioner)) {
            return Outcome.rejected(Reason.PRACTITIONER_SUSPENDED, "practitionerId: this practitioner takes no bookings now");
        }
        Optional<Activity> activity = found.get().activity();
        if (activity.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "activityId: no such activity");
        }
        if (!activity.get().active()) {
            return Outcome.rejected(Reason.ACTIVITY_INACTIVE, "activityId: this activity is not offered any more");
        }
        if (!activity.get().offers(command.mode())) {
            return Outcome.rejected(Reason.MODE_NOT_OFFERED, "mode: " + command.mode() + " is not offered for this activity");
        }
        Optional<BookingForm.AnswerProblem> answerProblem = settings.form().check(command.answers());
        if (answerProblem.isPresent()) {
            return Outcome.rejected(answerProblem.get().missing() ? Reason.MISSING_REQUIRED_ANSWER : Reason.INVALID_ANSWER,
                    answerProblem.get().detail());
        }
        Optional<Outcome<Booking>> overQuota = refuseOverQuota(practitioner, settings, now);
        if (overQuota.isPresent()) {
            return overQuota.get();
        }
        Instant start = command.start();
        Instant end = start.plus(activity.get().duration());
        AgendaSnapshot snapshot = engine.snapshot(practitioner, settings, start, end, Optional.empty());
        Optional<Outcome<Booking>> refusal = refuseUnbookable(snapshot, activity.get(), start, command.mode(), now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        PaymentArrangement arrangement = PaymentTerms.decide(engine.settings.model(), command.mode(),
                activity.get().price(), settings.onlinePayment(), settings.noShowPercentage(), command.payOnline());
        if (arrangement == PaymentArrangement.PREPAID
                && !PaymentTerms.canRequireOnlinePayment(activity.get().price(), engine.settings.providerMinimumCharge())) {
            return Outcome.rejected(Reason.BELOW_PROVIDER_MINIMUM, "activityId: the price is below the payment provider's minimum");
        }
        Client client = clientFor(practitioner, command.client(), now);
        BookingTerms terms = new BookingTerms(activity.get().price(), settings.cancellationDeadline(),
                settings.noShowPercentage(), arrangement, settings.minimumNotice());
        BookingState initial;
        Optional<Instant> expiresAt;
        if (arrangement.needsClientOnline()) {
            initial = BookingState.HELD;
            expiresAt = Optional.of(now.plus(settings.paymentWindow()));
        } else if (settings.confirmation() == ConfirmationMode.AUTOMATIC) {
            initial = BookingState.CONFIRMED;
            expiresAt = Optional.empty();
        } else {
            initial = BookingState.PENDING;
            expiresAt = Optional.of(start.minus(settings.minimumNotice()));
        }
        Booking booking = Booking.create(new BookingId(engine.ids.newId()), practitioner, activity.get().id(), client.id(),
                command.client(), command.answers(), command.mode(), start, activity.get().duration(), terms, initial,
                BookedBy.CLIENT, engine.ids.newAccessToken(), now, expiresAt);
        engine.stores.bookings().add(booking);
        announceArrival(booking, settings.zone(), now);
        made.accept(new Booked(booking, activity, Optional.of(settings)));
        return Outcome.accepted(booking);
    }

    /** Why a client cannot book {@code start} now, if they cannot: the most useful reason first. */
    private Optional<Outcome<Booking>> refuseUnbookable(AgendaSnapshot snapshot, Activity activity, Instant start,
                                                       ConsultationMode mode, Instant now) {
        Instant end = start.plus(activity.duration());
        if (!snapshot.insideBookingWindow(start, now)) {
            return Optional.of(Outcome.rejected(Reason.OUTSIDE_BOOKING_WINDOW, "start: must be between "
                    + snapshot.settings().minimumNotice().toMinutes() + " minutes and "
                    + snapshot.settings().horizon().toDays() + " days from now"));
        }
        if (snapshot.unavailableDuring(start, end)) {
            return Optional.of(Outcome.rejected(Reason.UNAVAILABLE, "start: the practitioner is unavailable then"));
        }
        if (snapshot.slotAt(activity, start, mode, now).isPresent()) {
            return Optional.empty();
        }
        if (snapshot.withEverySeatFree().slotAt(activity, start, mode, now).isPresent()) {
            return Optional.of(Outcome.rejected(Reason.SLOT_FULL, "start: no seat is left at this time"));
        }
        return Optional.of(Outcome.rejected(Reason.NOT_A_BOOKABLE_START,
                "start: not a start time of an opening for this activity and mode"));
    }

    /**
     * PLAN-2: in model DIRECT_CONNECT, past the free plan's monthly quota new bookings are refused,
     * by clients and by the practitioner alike. Holds not yet paid do not count, so a burst of holds
     * can end a month a few bookings over the quota; they were all accepted while under it.
     */
    private Optional<Outcome<Booking>> refuseOverQuota(PractitionerId practitioner, AgendaSettings settings, Instant now) {
        if (engine.settings.model() != org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT) {
            return Optional.empty();
        }
        UsageMonth month = UsageMonth.of(practitioner, now, settings.zone());
        Outcome<UsageKind> allowed = Quotas.check(cashier.planOf(practitioner, now), engine.settings.plans(),
                UsageKind.BOOKING, month, engine.stores.usage().count(month, UsageKind.BOOKING));
        return allowed.fold(ok -> Optional.empty(),
                rejected -> Optional.of(Outcome.rejected(rejected.reason(), rejected.detail())));
    }

    /**
     * PLAN-2: a booking counts in the month it was created once it reaches PENDING or CONFIRMED,
     * whatever happens to it later; the practitioner hears when the free plan's quota is reached.
     */
    private void countArrival(Booking booking, java.time.ZoneId zone, Instant now) {
        UsageMonth month = UsageMonth.of(booking.practitionerId(), booking.createdAt(), zone);
        if (engine.settings.model() != org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT) {
            // No quota to watch: counted without waiting for the answer (sent with the transaction's other writes).
            engine.stores.usage().note(month, UsageKind.BOOKING, booking.id().toString());
            return;
        }
        if (!engine.stores.usage().record(month, UsageKind.BOOKING, booking.id().toString())
                || engine.settings.model() != org.rendezvous.core.policy.CommercialModel.DIRECT_CONNECT
                || cashier.planOf(booking.practitionerId(), now) != org.rendezvous.core.plan.Plan.FREE) {
            return;
        }
        if (engine.stores.usage().count(month, UsageKind.BOOKING) >= engine.settings.plans().bookingsPerMonth()) {
            engine.announceToPractitioner(MessageKind.QUOTA_REACHED, booking.practitionerId(),
                    "quota:" + UsageKind.BOOKING + ":" + month.month(), Map.of("month", month.month().toString(),
                            "limit", Integer.toString(engine.settings.plans().bookingsPerMonth())), now);
        }
    }

    /** A booking that reached PENDING or CONFIRMED: counted for the quota, and announced (BK-1, BK-4, PLAN-2). */
    private void announceArrival(Booking booking, java.time.ZoneId zone, Instant now) {
        if (booking.state() == BookingState.PENDING || booking.state() == BookingState.CONFIRMED) {
            countArrival(booking, zone, now);
        }
        switch (booking.state()) {
            case PENDING -> engine.announce(MessageKind.BOOKING_REQUESTED, booking, now);
            case CONFIRMED -> engine.announce(booking.bookedBy() == BookedBy.PRACTITIONER
                    ? MessageKind.BOOKING_CONFIRMED : MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY, booking, now);
            default -> {
                // A held booking is announced once its payment or guarantee arrives.
            }
        }
    }

    /** The client on file with these details, or a new one (CLI-1): one step for the store. */
    private Client clientFor(PractitionerId practitioner, ClientDetails details, Instant now) {
        return engine.stores.clients().keep(new Client(new ClientId(engine.ids.newId()), practitioner, details, now));
    }

    /** The practitioner enters a booking by hand (BK-6): confirmed at once, paid outside the engine. */
    public Outcome<Booking> enter(EnterBookingCommand command) {
        PractitionerId practitioner = command.practitionerId();
        return engine.stores.transactions().inAgenda(practitioner, () ->
                engine.once(practitioner, command.idempotencyKey(), "enter", command.fingerprint(), () -> doEnter(command)));
    }

    private Outcome<Booking> doEnter(EnterBookingCommand command) {
        Instant now = engine.now();
        PractitionerId practitioner = command.practitionerId();
        Optional<AgendaSettings> found = engine.agendaSettings(practitioner);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        AgendaSettings settings = found.get();
        Optional<Activity> activity = engine.stores.agendas().activity(practitioner, command.activityId());
        if (activity.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "activityId: no such activity");
        }
        if (!activity.get().offers(command.mode())) {
            return Outcome.rejected(Reason.MODE_NOT_OFFERED, "mode: " + command.mode() + " is not offered for this activity");
        }
        Optional<BookingForm.AnswerProblem> answerProblem = settings.form().checkGiven(command.answers());
        if (answerProblem.isPresent()) {
            return Outcome.rejected(Reason.INVALID_ANSWER, answerProblem.get().detail());
        }
        Optional<Client> known = engine.stores.clients().findByEmail(practitioner, command.email());
        Optional<ClientDetails> details = mergeDetails(command, known.map(Client::details));
        if (details.isEmpty()) {
            return Outcome.rejected(Reason.CLIENT_DETAILS_REQUIRED,
                    "name: no client with this e-mail yet; give their name and phone number");
        }
        Optional<Outcome<Booking>> overQuota = refuseOverQuota(practitioner, settings, now);
        if (overQuota.isPresent()) {
            return overQuota.get();
        }
        Instant start = command.start();
        Instant end = start.plus(activity.get().duration());
        AgendaSnapshot snapshot = engine.snapshot(practitioner, settings, start, end, Optional.empty());
        Optional<Outcome<Booking>> refusal = refuseByPractitioner(snapshot, start, end, now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        Client client = clientFor(practitioner, details.get(), now);
        BookingTerms terms = new BookingTerms(activity.get().price(), settings.cancellationDeadline(),
                settings.noShowPercentage(), PaymentArrangement.ON_SITE, settings.minimumNotice());
        Booking booking = Booking.create(new BookingId(engine.ids.newId()), practitioner, activity.get().id(), client.id(),
                details.get(), command.answers(), command.mode(), start, activity.get().duration(), terms,
                BookingState.CONFIRMED, BookedBy.PRACTITIONER, engine.ids.newAccessToken(), now, Optional.empty());
        engine.stores.bookings().add(booking);
        announceArrival(booking, settings.zone(), now);
        return Outcome.accepted(booking);
    }

    private static Optional<ClientDetails> mergeDetails(EnterBookingCommand command, Optional<ClientDetails> known) {
        if (known.isPresent()) {
            ClientDetails file = known.get();
            return Optional.of(new ClientDetails(command.name().orElse(file.name()), command.email(),
                    command.phone().orElse(file.phone()), command.language().orElse(file.language())));
        }
        if (command.name().isEmpty() || command.phone().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ClientDetails(command.name().get(), command.email(), command.phone().get(),
                command.language().orElse(Language.FRENCH)));
    }

    /**
     * A practitioner may place a booking at any free time from now on, inside an opening or not, but
     * never in an unavailability nor beyond the capacity (AG-5, AG-7).
     */
    private static Optional<Outcome<Booking>> refuseByPractitioner(AgendaSnapshot snapshot, Instant start, Instant end,
                                                                  Instant now) {
        if (start.isBefore(now)) {
            return Optional.of(Outcome.rejected(Reason.START_IN_THE_PAST, "start: must not be in the past"));
        }
        if (snapshot.unavailableDuring(start, end)) {
            return Optional.of(Outcome.rejected(Reason.UNAVAILABLE, "start: the practitioner is unavailable then"));
        }
        if (snapshot.seatsLeft(start, end, snapshot.capacityAt(start, end)) <= 0) {
            return Optional.of(Outcome.rejected(Reason.SLOT_FULL, "start: no seat is left at this time"));
        }
        return Optional.empty();
    }

    // Payment (BK-3)

    /**
     * The provider reports a payment. A held booking moves on (BK-3, BK-4); a booking that is no longer
     * waiting for it (expired, cancelled) gets it refunded in full and the client is told.
     */
    public Outcome<Booking> recordPayment(RecordPaymentCommand command) {
        return withBooking(command.bookingId(), booking -> engine.once(booking.practitionerId(), command.idempotencyKey(),
                "payment", command.fingerprint(), () -> applyPayment(booking, command.amount(), command.reference(),
                        command.providerFee())));
    }

    private Outcome<Booking> applyPayment(Booking booking, org.rendezvous.core.money.Money amount, String reference,
                                         Optional<org.rendezvous.core.money.Money> providerFee) {
        Instant now = engine.now();
        if (booking.paymentReference().filter(reference::equals).isPresent()) {
            return Outcome.accepted(booking);
        }
        if (!amount.currency().equals(booking.price().currency())) {
            return Outcome.rejected(Reason.PAYMENT_AMOUNT_MISMATCH, "amount: not in the booking's currency");
        }
        if (booking.state() == BookingState.HELD) {
            if (!amount.equals(booking.price())) {
                return Outcome.rejected(Reason.PAYMENT_AMOUNT_MISMATCH,
                        "amount: " + amount + " received for a price of " + booking.price());
            }
            return holdPaid(booking, amount, reference, providerFee, now);
        }
        if (!booking.holdsSeat() && booking.state() != BookingState.COMPLETED && booking.state() != BookingState.NO_SHOW) {
            // BK-3: money that arrives for a booking no longer waiting for it goes back in full.
            Booking refunded = booking.withPayment(amount, reference)
                    .withSettlement(new MoneyDecision.RefundInFull(booking.paid().plus(amount)));
            engine.save(booking, refunded);
            cashier.latePaymentReceived(refunded, amount, reference, providerFee, now);
            engine.announce(MessageKind.LATE_PAYMENT_REFUNDED, refunded, now);
            return Outcome.accepted(refunded);
        }
        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                "state: a " + booking.state() + " booking is not waiting for a payment");
    }

    /** The provider reports the card guarantee saved at booking (PAY-2). */
    public Outcome<Booking> recordGuarantee(RecordGuaranteeCommand command) {
        return withBooking(command.bookingId(), booking -> engine.once(booking.practitionerId(), command.idempotencyKey(),
                "guarantee", command.fingerprint(), () -> applyGuarantee(booking, command.reference())));
    }

    private Outcome<Booking> applyGuarantee(Booking booking, String reference) {
        Instant now = engine.now();
        if (booking.guaranteeReference().filter(reference::equals).isPresent()) {
            return Outcome.accepted(booking);
        }
        if (booking.state() == BookingState.HELD) {
            return holdGuaranteed(booking, reference, now);
        }
        if (!booking.holdsSeat()
                && booking.settlement().filter(d -> !(d instanceof MoneyDecision.NoMoneyMoves)).isEmpty()) {
            Booking released = booking.withGuarantee(reference).withSettlement(new MoneyDecision.ReleaseGuarantee());
            engine.save(booking, released);
            return Outcome.accepted(released);
        }
        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                "state: a " + booking.state() + " booking is not waiting for a card guarantee");
    }

    /**
     * BK-3: the payment of a held booking arrived, reported by the provider or found by the expiry job:
     * the booking leaves the hold, the money is booked, and whom it concerns is told.
     */
    Outcome<Booking> holdPaid(Booking held, org.rendezvous.core.money.Money amount, String reference,
                              Optional<org.rendezvous.core.money.Money> providerFee, Instant now) {
        AgendaSettings settings = engine.agendaSettings(held.practitionerId()).orElseThrow();
        return leaveHold(held.withPayment(amount, reference), settings, Cause.PAYMENT_RECEIVED, now).map(next -> {
            engine.save(held, next);
            cashier.paymentReceived(next, amount, reference, providerFee,
                    org.rendezvous.core.money.PaymentPurpose.CONSULTATION, now);
            engine.announce(MessageKind.PAYMENT_RECEIVED, next, now);
            announceArrival(next, settings.zone(), now);
            return next;
        });
    }

    /** PAY-2: the card guarantee of a held booking was saved: the booking leaves the hold. */
    Outcome<Booking> holdGuaranteed(Booking held, String reference, Instant now) {
        AgendaSettings settings = engine.agendaSettings(held.practitionerId()).orElseThrow();
        return leaveHold(held.withGuarantee(reference), settings, Cause.GUARANTEE_SAVED, now).map(next -> {
            engine.save(held, next);
            announceArrival(next, settings.zone(), now);
            return next;
        });
    }

    /** A held booking whose payment or guarantee arrived: to PENDING or CONFIRMED by the confirmation mode (BK-4). */
    private static Outcome<Booking> leaveHold(Booking held, AgendaSettings settings, Cause cause, Instant now) {
        if (settings.confirmation() == ConfirmationMode.AUTOMATIC) {
            return held.transition(BookingState.CONFIRMED, cause, Actor.PAYMENT_PROVIDER, now, Optional.empty());
        }
        return held.transition(BookingState.PENDING, cause, Actor.PAYMENT_PROVIDER, now,
                Optional.of(held.start().minus(held.terms().minimumNotice())));
    }

    // The practitioner's answer (BK-4, CX-5)

    public Outcome<Booking> confirm(ConfirmBookingCommand command) {
        return practitionerCommand(command.practitionerId(), command.bookingId(), "confirm", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> {
                    if (booking.state() == BookingState.PENDING && booking.expiresAt().filter(e -> !now.isBefore(e)).isPresent()) {
                        return Outcome.rejected(Reason.REQUEST_EXPIRED, "bookingId: the request expired at "
                                + booking.expiresAt().get());
                    }
                    if (booking.state() != BookingState.PENDING) {
                        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                                "state: only a PENDING booking can be confirmed, this one is " + booking.state());
                    }
                    return booking.transition(BookingState.CONFIRMED, Cause.CONFIRMED_BY_PRACTITIONER, Actor.PRACTITIONER,
                            now, Optional.empty()).map(confirmed -> {
                                engine.save(booking, confirmed);
                                engine.announce(MessageKind.BOOKING_CONFIRMED, confirmed, now);
                                return confirmed;
                            });
                });
    }

    public Outcome<Booking> refuse(RefuseBookingCommand command) {
        return practitionerCommand(command.practitionerId(), command.bookingId(), "refuse", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> end(booking, BookingState.REFUSED,
                        Cause.REFUSED_BY_PRACTITIONER, Actor.PRACTITIONER, now,
                        Settlement.giveEverythingBack(booking.paid(), booking.guaranteeSaved()),
                        MessageKind.BOOKING_REFUSED));
    }

    public Outcome<Booking> cancelByPractitioner(CancelByPractitionerCommand command) {
        return practitionerCommand(command.practitionerId(), command.bookingId(), "cancel-by-practitioner",
                command.fingerprint(), command.idempotencyKey(), (booking, now) -> end(booking,
                        BookingState.CANCELLED_BY_PRACTITIONER, Cause.CANCELLED_BY_PRACTITIONER, Actor.PRACTITIONER, now,
                        Settlement.giveEverythingBack(booking.paid(), booking.guaranteeSaved()),
                        MessageKind.CANCELLED_BY_PRACTITIONER));
    }

    /** CX-4: from the start until 48 h after the end, the practitioner may report that the client did not come. */
    public Outcome<Booking> reportNoShow(ReportNoShowCommand command) {
        return practitionerCommand(command.practitionerId(), command.bookingId(), "no-show", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> {
                    if (booking.state() != BookingState.CONFIRMED && booking.state() != BookingState.COMPLETED) {
                        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                                "state: only a CONFIRMED or COMPLETED booking can be a no-show, this one is " + booking.state());
                    }
                    if (!Settlement.insideNoShowReportWindow(booking.start(), booking.end(), now)) {
                        return Outcome.rejected(Reason.OUTSIDE_NO_SHOW_REPORT_WINDOW,
                                "bookingId: a no-show is reported from the start until 48 h after the end");
                    }
                    MoneyDecision decision = Settlement.noShow(booking.price(), booking.paid(), booking.guaranteeSaved(),
                            booking.terms().noShowPercentage());
                    Outcome<Booking> ended = end(booking, BookingState.NO_SHOW, Cause.NO_SHOW_REPORTED,
                            Actor.PRACTITIONER, now, decision, null);
                    ended.fold(b -> {
                        if (decision instanceof MoneyDecision.KeepFromPrepayment) {
                            engine.announce(MessageKind.NO_SHOW_CHARGED, b, now);
                        }
                        return b;
                    }, r -> null);
                    return ended;
                });
    }

    // The client's own actions (CX-1 … CX-3, CX-6, BK-7, CX-7)

    /** The booking behind a client's link, if the link is right (ACC-2). */
    public Optional<Booking> findByLink(AccessToken token) {
        return engine.stores.bookings().findByAccessToken(token).filter(b -> b.accessToken().matches(token.value()));
    }

    /**
     * CX-1 … CX-3: early, nothing is charged and a prepayment is refunded in full; late, the booking is
     * cancelled, its seat freed, and the frozen no-show percentage charged at once. A request the
     * practitioner had not yet confirmed costs nothing to cancel.
     */
    public Outcome<Booking> cancelByClient(CancelByClientCommand command) {
        return clientCommand(command.accessToken(), "cancel-by-client", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = engine.agendaSettings(booking.practitionerId()).orElseThrow();
                    if (!settings.clientsMayCancel()) {
                        return Outcome.rejected(Reason.CANCELLATION_NOT_ALLOWED,
                                "bookingId: the practitioner does not let clients cancel online; contact them");
                    }
                    boolean early = Settlement.isEarly(booking.start(), now, booking.terms().cancellationDeadline());
                    MoneyDecision decision = Settlement.clientCancels(booking.price(), booking.paid(),
                            booking.guaranteeSaved(), booking.terms().noShowPercentage(), early,
                            booking.state() == BookingState.CONFIRMED);
                    Outcome<Booking> ended = end(booking, BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                            Actor.CLIENT, now, decision, MessageKind.CANCELLED_BY_CLIENT);
                    ended.fold(b -> {
                        if (decision instanceof MoneyDecision.KeepFromPrepayment) {
                            engine.announce(MessageKind.LATE_CANCELLATION_CHARGED, b, now);
                        }
                        return b;
                    }, r -> null);
                    return ended;
                });
    }

    /** BK-7: the client moves their booking to another free start, at least the cancellation deadline ahead. */
    public Outcome<Booking> moveByClient(MoveByClientCommand command) {
        return clientCommand(command.accessToken(), "move-by-client", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = engine.agendaSettings(booking.practitionerId()).orElseThrow();
                    if (!settings.clientsMayMove()) {
                        return Outcome.rejected(Reason.MOVE_NOT_ALLOWED,
                                "bookingId: the practitioner does not let clients move bookings online; contact them");
                    }
                    return clientMove(booking, settings, command.newStart(), now);
                });
    }

    private Outcome<Booking> clientMove(Booking booking, AgendaSettings settings, Instant newStart, Instant now) {
        if (booking.state() != BookingState.PENDING && booking.state() != BookingState.CONFIRMED) {
            return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                    "state: only a PENDING or CONFIRMED booking can be moved, this one is " + booking.state());
        }
        if (!Settlement.isEarly(booking.start(), now, booking.terms().cancellationDeadline())) {
            return Outcome.rejected(Reason.MOVE_TOO_LATE, "newStart: a booking can be moved until "
                    + booking.terms().cancellationDeadline().toHours() + " h before its start");
        }
        if (newStart.equals(booking.start())) {
            return Outcome.accepted(booking);
        }
        Activity asBooked = activityAsBooked(booking);
        AgendaSnapshot snapshot = engine.snapshot(booking.practitionerId(), settings, newStart,
                newStart.plus(booking.duration()), Optional.of(booking.id()));
        Optional<Outcome<Booking>> refusal = refuseUnbookable(snapshot, asBooked, newStart, booking.mode(), now);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return Outcome.accepted(applyMove(booking, newStart, Actor.CLIENT, MessageKind.MOVED_BY_CLIENT, now));
    }

    /** BK-7 for the practitioner: any free time from now on; the client is told. */
    public Outcome<Booking> moveByPractitioner(MoveByPractitionerCommand command) {
        return practitionerCommand(command.practitionerId(), command.bookingId(), "move-by-practitioner",
                command.fingerprint(), command.idempotencyKey(), (booking, now) -> {
                    if (booking.state() != BookingState.PENDING && booking.state() != BookingState.CONFIRMED) {
                        return Outcome.rejected(Reason.ILLEGAL_TRANSITION,
                                "state: only a PENDING or CONFIRMED booking can be moved, this one is " + booking.state());
                    }
                    if (command.newStart().equals(booking.start())) {
                        return Outcome.accepted(booking);
                    }
                    AgendaSettings settings = engine.agendaSettings(booking.practitionerId()).orElseThrow();
                    Instant newEnd = command.newStart().plus(booking.duration());
                    AgendaSnapshot snapshot = engine.snapshot(booking.practitionerId(), settings, command.newStart(),
                            newEnd, Optional.of(booking.id()));
                    Optional<Outcome<Booking>> refusal = refuseByPractitioner(snapshot, command.newStart(), newEnd, now);
                    if (refusal.isPresent()) {
                        return refusal.get();
                    }
                    return Outcome.accepted(applyMove(booking, command.newStart(), Actor.PRACTITIONER,
                            MessageKind.MOVED_BY_PRACTITIONER, now));
                });
    }

    private Booking applyMove(Booking booking, Instant newStart, Actor actor, MessageKind kind, Instant now) {
        Booking moved = booking.movedTo(newStart, now, actor);
        engine.save(booking, moved);
        engine.announce(kind, moved, kind + ":" + moved.id() + ":move" + moved.moves().size(),
                Map.of("previousStart", booking.start().toString()), now);
        alertWaitlist(booking, now);
        return moved;
    }

    /** The booking's own activity with the duration it was booked for, so that a later change of the activity does not bend a move. */
    private Activity activityAsBooked(Booking booking) {
        Activity current = engine.stores.agendas().activity(booking.practitionerId(), booking.activityId()).orElseThrow();
        return new Activity(current.id(), current.practitionerId(), current.name(), booking.duration(), current.price(),
                Set.of(booking.mode()), true);
    }

    /** CX-7: the client asks to hear of an earlier free time for their booking. */
    public Outcome<WaitlistEntry> joinWaitlist(AccessToken token) {
        Optional<Booking> found = findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        PractitionerId practitioner = found.get().practitionerId();
        return engine.stores.transactions().inAgenda(practitioner, () -> {
            Booking booking = engine.stores.bookings().find(found.get().id()).orElseThrow();
            AgendaSettings settings = engine.agendaSettings(practitioner).orElseThrow();
            if (!settings.waitlistAlerts()) {
                return Outcome.rejected(Reason.WAITLIST_DISABLED, "accessToken: this practitioner does not send early-availability alerts");
            }
            if (booking.state() != BookingState.PENDING && booking.state() != BookingState.CONFIRMED) {
                return Outcome.rejected(Reason.ILLEGAL_TRANSITION, "state: a " + booking.state() + " booking cannot wait for an earlier time");
            }
            Optional<WaitlistEntry> existing = engine.stores.waitlists().ofBooking(booking.id());
            if (existing.isPresent()) {
                return Outcome.accepted(existing.get());
            }
            WaitlistEntry entry = new WaitlistEntry(new WaitlistEntryId(engine.ids.newId()), practitioner,
                    booking.activityId(), booking.id(), engine.now());
            engine.stores.waitlists().add(entry);
            return Outcome.accepted(entry);
        });
    }

    public Outcome<BookingId> leaveWaitlist(AccessToken token) {
        Optional<Booking> found = findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        return engine.stores.transactions().inAgenda(found.get().practitionerId(), () ->
                engine.stores.waitlists().remove(found.get().id())
                        ? Outcome.accepted(found.get().id())
                        : Outcome.rejected(Reason.NOT_ON_WAITLIST, "accessToken: this booking is not on the waitlist"));
    }

    /** CX-7: the client takes the earlier time an alert offered; the first to accept gets it (BK-7 applies). */
    public Outcome<Booking> takeWaitlistOffer(TakeWaitlistOfferCommand command) {
        return clientCommand(command.accessToken(), "take-waitlist-offer", command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> {
                    AgendaSettings settings = engine.agendaSettings(booking.practitionerId()).orElseThrow();
                    if (!settings.waitlistAlerts()) {
                        return Outcome.rejected(Reason.WAITLIST_DISABLED, "accessToken: early-availability alerts are off");
                    }
                    if (engine.stores.waitlists().ofBooking(booking.id()).isEmpty()) {
                        return Outcome.rejected(Reason.NOT_ON_WAITLIST, "accessToken: this booking is not on the waitlist");
                    }
                    if (!command.offeredStart().isBefore(booking.start())) {
                        return Outcome.rejected(Reason.NOT_EARLIER, "offeredStart: not earlier than the booking's start");
                    }
                    Outcome<Booking> moved = clientMove(booking, settings, command.offeredStart(), now);
                    moved.fold(b -> engine.stores.waitlists().remove(b.id()), r -> false);
                    return moved;
                });
    }

    /**
     * CX-7: a seat freed at {@code freed}'s start is offered to every waitlisted client of that
     * activity whose booking is later and could move there.
     */
    private void alertWaitlist(Booking freed, Instant now) {
        AgendaSettings settings = engine.agendaSettings(freed.practitionerId()).orElseThrow();
        if (!settings.waitlistAlerts()) {
            return;
        }
        List<WaitlistEntry> entries = engine.stores.waitlists().forActivity(freed.practitionerId(), freed.activityId());
        if (entries.isEmpty()) {
            return;
        }
        Instant offered = freed.start();
        AgendaSnapshot snapshot = null;
        for (WaitlistEntry entry : entries) {
            Optional<Booking> waiting = engine.stores.bookings().find(entry.bookingId());
            if (waiting.isEmpty() || !waiting.get().holdsSeat() || !waiting.get().start().isAfter(offered)
                    || waiting.get().id().equals(freed.id())
                    || !Settlement.isEarly(waiting.get().start(), now, waiting.get().terms().cancellationDeadline())) {
                continue;
            }
            if (snapshot == null) {
                snapshot = engine.snapshot(freed.practitionerId(), settings, offered, freed.end(), Optional.empty());
            }
            Activity asBooked = activityAsBooked(waiting.get());
            if (snapshot.slotAt(asBooked, offered, waiting.get().mode(), now).isEmpty()) {
                continue;
            }
            engine.announce(MessageKind.WAITLIST_ALERT, waiting.get(),
                    "waitlist:" + entry.id() + ":" + freed.id() + ":v" + freed.version() + ":" + offered, Map.of("offeredStart", offered.toString()), now);
        }
    }

    // Shared steps

    /** Ends a seat-holding booking with a money decision, tells whom it concerns, and offers the freed seat (CX-7). */
    private Outcome<Booking> end(Booking booking, BookingState target, Cause cause, Actor actor, Instant now,
                                 MoneyDecision decision, MessageKind announcement) {
        return booking.transition(target, cause, actor, now, Optional.empty()).map(ended -> {
            Booking settled = ended.withSettlement(decision);
            engine.save(booking, settled);
            cashier.settle(settled, decision, now);
            if (announcement != null) {
                engine.announce(announcement, settled, now);
            }
            engine.stores.waitlists().remove(settled.id());
            if (booking.holdsSeat()) {
                alertWaitlist(booking, now);
            }
            return settled;
        });
    }

    Outcome<Booking> endBySystem(Booking booking, BookingState target, Cause cause, Instant now, MoneyDecision decision,
                                 MessageKind announcement) {
        return end(booking, target, cause, Actor.SYSTEM, now, decision, announcement);
    }

    @FunctionalInterface
    private interface Step {
        Outcome<Booking> apply(Booking booking, Instant now);
    }

    private Outcome<Booking> practitionerCommand(PractitionerId practitioner, BookingId id, String operation,
                                                 String fingerprint, org.rendezvous.core.idempotency.IdempotencyKey key,
                                                 Step step) {
        return engine.stores.transactions().inAgenda(practitioner, () -> engine.once(practitioner, key, operation,
                fingerprint, () -> {
                    Optional<Booking> booking = engine.stores.bookings().find(id)
                            .filter(b -> b.practitionerId().equals(practitioner));
                    if (booking.isEmpty()) {
                        return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
                    }
                    return step.apply(booking.get(), engine.now());
                }));
    }

    private Outcome<Booking> clientCommand(AccessToken token, String operation, String fingerprint,
                                           org.rendezvous.core.idempotency.IdempotencyKey key, Step step) {
        Optional<Booking> found = findByLink(token);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "accessToken: no such booking");
        }
        PractitionerId practitioner = found.get().practitionerId();
        return engine.stores.transactions().inAgenda(practitioner, () -> engine.once(practitioner, key, operation,
                fingerprint, () -> step.apply(engine.stores.bookings().find(found.get().id()).orElseThrow(), engine.now())));
    }

    /** Loads a booking, then runs under its practitioner's agenda lock with the booking read again inside it. */
    private Outcome<Booking> withBooking(BookingId id, java.util.function.Function<Booking, Outcome<Booking>> work) {
        Optional<Booking> found = engine.stores.bookings().find(id);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "bookingId: no such booking");
        }
        return engine.stores.transactions().inAgenda(found.get().practitionerId(),
                () -> work.apply(engine.stores.bookings().find(id).orElseThrow()));
    }

    /** The bookings of the practitioner waiting for an answer (PAGE-4), oldest request first; NOT_FOUND for no such practitioner. */
    public Outcome<List<Booking>> pendingRequests(PractitionerId practitioner) {
        Instant now = engine.now();
        Optional<AgendaSettings> settings = engine.agendaSettings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        return Outcome.accepted(engine.stores.bookings()
                .ofPractitioner(practitioner, now, now.plus(settings.get().horizon()).plus(Duration.ofDays(1)))
                .stream().filter(b -> b.state() == BookingState.PENDING)
                .sorted(java.util.Comparator.comparing(Booking::createdAt)).toList());
    }

    public Optional<Booking> find(PractitionerId practitioner, BookingId id) {
        return engine.stores.bookings().find(id).filter(b -> b.practitionerId().equals(practitioner));
    }
}
