package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.BookingTerms;
import org.rendezvous.core.booking.CancelByPractitionerCommand;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.booking.EnterBookingCommand;
import org.rendezvous.core.booking.MoveByPractitionerCommand;
import org.rendezvous.core.booking.RefuseBookingCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.policy.PaymentTerms;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.Clients;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.OperatorActions;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The booking use cases of the practitioner's agenda: a client books (BK-1, BK-3, BK-4, BK-6, BK-9), the
 * practitioner enters a booking by hand, confirms or refuses a request, cancels, moves, reports a no-show
 * (BK-4, BK-7, CX-4, CX-5). Every command takes the practitioner's agenda lock, runs once per idempotency key,
 * and writes the messages it causes in the same transaction. Money decisions come back inside the booking
 * ({@link Booking#settlement()}). The client's own actions through their link are in {@link ClientBookingService},
 * the waitlist in {@link WaitlistService}, the provider's reports in {@link PaymentService}.
 */
public final class BookingService {

    private final Agendas agendas;
    private final Bookings bookings;
    private final Clients clients;
    private final OperatorActions operatorActions;
    private final Ids ids;
    private final EngineSettings engineSettings;
    private final Now clock;
    private final AgendaSnapshots snapshots;
    private final BookingCommands commands;
    private final Arrivals arrivals;
    private final Endings endings;
    private final Moves moves;
    private final Announcements announcements;
    private final LockedSaves saves;

    BookingService(Agendas agendas, Bookings bookings, Clients clients, OperatorActions operatorActions, Ids ids,
                   EngineSettings engineSettings, Now clock, AgendaSnapshots snapshots, BookingCommands commands,
                   Arrivals arrivals, Endings endings, Moves moves, Announcements announcements, LockedSaves saves) {
        this.agendas = agendas;
        this.bookings = bookings;
        this.clients = clients;
        this.operatorActions = operatorActions;
        this.ids = ids;
        this.engineSettings = engineSettings;
        this.clock = clock;
        this.snapshots = snapshots;
        this.commands = commands;
        this.arrivals = arrivals;
        this.endings = endings;
        this.moves = moves;
        this.announcements = announcements;
        this.saves = saves;
    }

    // Booking (BK-1, BK-3, BK-4, BK-6, BK-9)

    public Outcome<Booking> book(BookCommand command) {
        return commands.inAgenda(command.practitionerId(), command.idempotencyKey(), "book", command.fingerprint(),
                () -> doBook(command, booked -> { }));
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
        Outcome<Booking> outcome = commands.inAgenda(practitioner, command.idempotencyKey(), "book",
                command.fingerprint(), () -> {
                    made[0] = null;
                    return doBook(command, booked -> made[0] = booked);
                });
        return outcome.map(booking -> made[0] != null && made[0].booking() == booking ? made[0]
                : new Booked(booking, agendas.activity(practitioner, booking.activityId()),
                        snapshots.settings(practitioner)));
    }

    private Outcome<Booking> doBook(BookCommand command, java.util.function.Consumer<Booked> made) {
        Instant now = clock.instant();
        PractitionerId practitioner = command.practitionerId();
        // Settings, form and activity in one read (issue 15); an adapter may bring the suspension with them.
        Optional<Agendas.SettingsAndActivity> found =
                agendas.settingsAndActivity(practitioner, command.activityId());
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        AgendaSettings settings = found.get().settings();
        if (operatorActions.suspended(practitioner)) {
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
        Optional<Outcome<Booking>> overQuota = arrivals.refuseOverQuota(practitioner, settings, now);
        if (overQuota.isPresent()) {
            return overQuota.get();
        }
        Instant start = command.start();
        Instant end = start.plus(activity.get().duration());
        Outcome<Instant> admitted = snapshots.around(practitioner, settings, start, end, Optional.empty())
                .admit(activity.get(), start, command.mode(), now);
        if (!admitted.isAccepted()) {
            return admitted.map(refused -> null);
        }
        PaymentArrangement arrangement = PaymentTerms.decide(engineSettings.model(), command.mode(),
                activity.get().price(), settings.onlinePayment(), settings.noShowPercentage(), command.payOnline());
        if (arrangement == PaymentArrangement.PREPAID
                && !PaymentTerms.canRequireOnlinePayment(activity.get().price(), engineSettings.providerMinimumCharge())) {
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
        Booking booking = Booking.create(new BookingId(ids.newId()), practitioner, activity.get().id(), client.id(),
                command.client(), command.answers(), command.mode(), start, activity.get().duration(), terms, initial,
                BookedBy.CLIENT, ids.newAccessToken(), now, expiresAt);
        bookings.add(booking);
        arrivals.announce(booking, settings.zone(), now);
        made.accept(new Booked(booking, activity, Optional.of(settings)));
        return Outcome.accepted(booking);
    }

    /** The client on file with these details, or a new one (CLI-1): one step for the store. */
    private Client clientFor(PractitionerId practitioner, ClientDetails details, Instant now) {
        return clients.keep(new Client(new ClientId(ids.newId()), practitioner, details, now));
    }

    private Outcome<Booking> doEnter(EnterBookingCommand command) {
        Instant now = clock.instant();
        PractitionerId practitioner = command.practitionerId();
        Optional<AgendaSettings> found = snapshots.settings(practitioner);
        if (found.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        AgendaSettings settings = found.get();
        Optional<Activity> activity = agendas.activity(practitioner, command.activityId());
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
        Optional<Client> known = clients.findByEmail(practitioner, command.email());
        Optional<ClientDetails> details = mergeDetails(command, known.map(Client::details));
        if (details.isEmpty()) {
            return Outcome.rejected(Reason.CLIENT_DETAILS_REQUIRED,
                    "name: no client with this e-mail yet; give their name and phone number");
        }
        Optional<Outcome<Booking>> overQuota = arrivals.refuseOverQuota(practitioner, settings, now);
        if (overQuota.isPresent()) {
            return overQuota.get();
        }
        Instant start = command.start();
        Instant end = start.plus(activity.get().duration());
        Outcome<Instant> admitted = snapshots.around(practitioner, settings, start, end, Optional.empty())
                .admitByPractitioner(start, end, now);
        if (!admitted.isAccepted()) {
            return admitted.map(refused -> null);
        }
        Client client = clientFor(practitioner, details.get(), now);
        BookingTerms terms = new BookingTerms(activity.get().price(), settings.cancellationDeadline(),
                settings.noShowPercentage(), PaymentArrangement.ON_SITE, settings.minimumNotice());
        Booking booking = Booking.create(new BookingId(ids.newId()), practitioner, activity.get().id(), client.id(),
                details.get(), command.answers(), command.mode(), start, activity.get().duration(), terms,
                BookingState.CONFIRMED, BookedBy.PRACTITIONER, ids.newAccessToken(), now, Optional.empty());
        bookings.add(booking);
        arrivals.announce(booking, settings.zone(), now);
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

    /** The practitioner enters a booking by hand (BK-6): confirmed at once, paid outside the engine. */
    public Outcome<Booking> enter(EnterBookingCommand command) {
        return commands.inAgenda(command.practitionerId(), command.idempotencyKey(), "enter", command.fingerprint(),
                () -> doEnter(command));
    }

    // The practitioner's answer (BK-4, CX-5)

    public Outcome<Booking> confirm(ConfirmBookingCommand command) {
        return commands.byPractitioner(command.practitionerId(), command.bookingId(), "confirm", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> booking.confirmByPractitioner(now).map(confirmed -> {
                    saves.save(booking, confirmed);
                    announcements.announce(MessageKind.BOOKING_CONFIRMED, confirmed, now);
                    return confirmed;
                }));
    }

    public Outcome<Booking> refuse(RefuseBookingCommand command) {
        return commands.byPractitioner(command.practitionerId(), command.bookingId(), "refuse", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> endings.end(booking, BookingState.REFUSED,
                        Cause.REFUSED_BY_PRACTITIONER, Actor.PRACTITIONER, now, booking.givingEverythingBack(),
                        MessageKind.BOOKING_REFUSED));
    }

    public Outcome<Booking> cancelByPractitioner(CancelByPractitionerCommand command) {
        return commands.byPractitioner(command.practitionerId(), command.bookingId(), "cancel-by-practitioner",
                command.fingerprint(), command.idempotencyKey(), (booking, now) -> endings.end(booking,
                        BookingState.CANCELLED_BY_PRACTITIONER, Cause.CANCELLED_BY_PRACTITIONER, Actor.PRACTITIONER, now,
                        booking.givingEverythingBack(), MessageKind.CANCELLED_BY_PRACTITIONER));
    }

    /** CX-4: from the start until 48 h after the end, the practitioner may report that the client did not come. */
    public Outcome<Booking> reportNoShow(ReportNoShowCommand command) {
        return commands.byPractitioner(command.practitionerId(), command.bookingId(), "no-show", command.fingerprint(),
                command.idempotencyKey(), (booking, now) -> booking.noShowReportable(now).flatMap(reportable ->
                        endings.endCharging(booking, BookingState.NO_SHOW, Cause.NO_SHOW_REPORTED, Actor.PRACTITIONER,
                                now, booking.noShowDecision(), null, MessageKind.NO_SHOW_CHARGED)));
    }

    /** BK-7 for the practitioner: any free time from now on; the client is told. */
    public Outcome<Booking> moveByPractitioner(MoveByPractitionerCommand command) {
        return commands.byPractitioner(command.practitionerId(), command.bookingId(), "move-by-practitioner",
                command.fingerprint(), command.idempotencyKey(),
                (booking, now) -> moves.byPractitioner(booking, command.newStart(), now));
    }

    /** The bookings of the practitioner waiting for an answer (PAGE-4), oldest request first; NOT_FOUND for no such practitioner. */
    public Outcome<List<Booking>> pendingRequests(PractitionerId practitioner) {
        Instant now = clock.instant();
        Optional<AgendaSettings> settings = snapshots.settings(practitioner);
        if (settings.isEmpty()) {
            return Outcome.rejected(Reason.NOT_FOUND, "practitionerId: no such practitioner");
        }
        return Outcome.accepted(bookings
                .ofPractitioner(practitioner, now, now.plus(settings.get().horizon()).plus(Duration.ofDays(1)))
                .stream().filter(b -> b.state() == BookingState.PENDING)
                .sorted(java.util.Comparator.comparing(Booking::createdAt)).toList());
    }

    public Optional<Booking> find(PractitionerId practitioner, BookingId id) {
        return bookings.find(id).filter(b -> b.practitionerId().equals(practitioner));
    }
}
