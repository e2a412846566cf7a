package org.rendezvous.core.port.contract;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.BookingForm;
import org.rendezvous.core.agenda.ConfirmationMode;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.FormField;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.OpeningId;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.agenda.UnavailabilityId;
import org.rendezvous.core.booking.Actor;
import org.rendezvous.core.booking.BookedBy;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.BookingTerms;
import org.rendezvous.core.booking.Cause;
import org.rendezvous.core.client.Client;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.client.ClientId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.idempotency.IdempotencyRecord;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.notification.Channel;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.testing.SequentialIds;
import org.rendezvous.core.waitlist.WaitlistEntry;
import org.rendezvous.core.waitlist.WaitlistEntryId;

/**
 * Test data for the port contracts: valid domain values with predictable ids, every instant
 * truncated to microseconds (what PostgreSQL keeps). One instance per test; thread-safe.
 *
 * <p>The {@code add…}/{@code register…} helpers write through the ports in the order a database
 * with foreign keys needs: practitioner and settings first, then its activities and clients, then
 * bookings, then what refers to bookings.
 */
public final class StoreFixtures {

    /** A Monday morning, UTC; every instant of the contracts is counted from it. */
    public static final Instant T0 = Instant.parse("2030-03-04T08:00:00Z");

    public static final String CURRENCY = "EUR";

    private final SequentialIds ids = new SequentialIds();
    private final AtomicInteger counter = new AtomicInteger();

    /** What a PostgreSQL {@code timestamptz} keeps of an instant. */
    public static Instant micros(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** {@link #T0} plus some hours. */
    public static Instant hours(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    /** {@link #T0} plus some minutes. */
    public static Instant minutes(long minutes) {
        return T0.plus(Duration.ofMinutes(minutes));
    }

    public static Money eur(String amount) {
        return Money.of(amount, CURRENCY);
    }

    /** A new id, for any kind of identifier. */
    public UUID newId() {
        return ids.newId();
    }

    public ActivityId activityId() {
        return new ActivityId(ids.newId());
    }

    public OpeningId openingId() {
        return new OpeningId(ids.newId());
    }

    public UnavailabilityId unavailabilityId() {
        return new UnavailabilityId(ids.newId());
    }

    private int next() {
        return counter.incrementAndGet();
    }

    // Practitioners and settings

    public PractitionerId practitionerId() {
        return new PractitionerId(ids.newId());
    }

    public Practitioner practitioner() {
        int n = next();
        return new Practitioner(practitionerId(), PersonName.of("Anna Martin " + n),
                EmailAddress.of("anna." + n + "@example.org"), Optional.of(PhoneNumber.of("+33612345678")),
                Language.FRENCH, micros(T0.minus(Duration.ofDays(30)).plusNanos(123_456_000)));
    }

    /** A practitioner who gave no phone number and reads English. */
    public Practitioner practitionerWithoutPhone() {
        int n = next();
        return new Practitioner(practitionerId(), PersonName.of("John Smith " + n),
                EmailAddress.of("john." + n + "@example.com"), Optional.empty(), Language.ENGLISH,
                micros(T0.minus(Duration.ofDays(10))));
    }

    /** The SPEC's default settings. */
    public static AgendaSettings settings() {
        return AgendaSettings.defaults();
    }

    /** Settings where nothing is the default, with a booking form of three questions. */
    public static AgendaSettings customSettings() {
        return new AgendaSettings(ZoneId.of("America/Montreal"), Duration.ofMinutes(10), 3, Duration.ofHours(4),
                Duration.ofDays(90), ConfirmationMode.AUTOMATIC, Duration.ofHours(48), false, false,
                Percent.of("37.5"), OnlinePayment.OPTIONAL, Duration.ofMinutes(45), true, Currency.getInstance("CHF"),
                bookingForm());
    }

    public static BookingForm bookingForm() {
        return new BookingForm(List.of(
                FormField.required("reason", "Reason for the visit"),
                FormField.optional("allergies", "Allergies, if any"),
                new FormField("referred-by", "Who referred you?", true, 250)));
    }

    /** Adds a new practitioner with the default settings: what must exist before anything that is theirs. */
    public PractitionerId registerPractitioner(Stores stores) {
        Practitioner practitioner = practitioner();
        stores.practitioners().add(practitioner);
        stores.agendas().saveSettings(practitioner.id(), settings());
        return practitioner.id();
    }

    // Activities, openings, unavailabilities

    public Activity activity(PractitionerId practitioner) {
        return activity(practitioner, "Osteopathy " + next());
    }

    public Activity activity(PractitionerId practitioner, String name) {
        return new Activity(new ActivityId(ids.newId()), practitioner, name, Duration.ofMinutes(45), eur("60.00"),
                EnumSet.of(ConsultationMode.IN_PERSON, ConsultationMode.VIDEO), true);
    }

    public Activity addActivity(Stores stores, PractitionerId practitioner) {
        Activity activity = activity(practitioner);
        stores.agendas().saveActivity(activity);
        return activity;
    }

    /**
     * Every Tuesday 09:00–12:30 from 2030-03-05 until 2030-06-25 but two skipped dates, a 20-minute
     * step, 4 seats, only the given activities, at an address.
     */
    public Opening weeklyOpening(PractitionerId practitioner, ActivityId... allowed) {
        Schedule.Weekly schedule = new Schedule.Weekly(DayOfWeek.TUESDAY, LocalDate.of(2030, 3, 5),
                Optional.of(LocalDate.of(2030, 6, 25)), Set.of(LocalDate.of(2030, 4, 16), LocalDate.of(2030, 3, 19)));
        return new Opening(new OpeningId(ids.newId()), practitioner, schedule, LocalTime.of(9, 0),
                LocalTime.of(12, 30), Optional.of(Duration.ofMinutes(20)), OptionalInt.of(4),
                new LinkedHashSet<>(List.of(allowed)), Place.at("12 rue de la Paix, 75002 Paris"));
    }

    /**
     * One evening until midnight, on the grid of the activity, with the agenda's capacity, for every
     * activity, by phone or video.
     */
    public Opening openingOn(PractitionerId practitioner, LocalDate date) {
        return new Opening(new OpeningId(ids.newId()), practitioner, new Schedule.OnDate(date), LocalTime.of(20, 0),
                LocalTime.MIDNIGHT, Optional.empty(), OptionalInt.empty(), Set.of(),
                Place.remote(ConsultationMode.PHONE, ConsultationMode.VIDEO));
    }

    public Unavailability unavailability(PractitionerId practitioner, Instant from, Instant to) {
        return new Unavailability(new UnavailabilityId(ids.newId()), practitioner, micros(from), micros(to),
                "Holiday " + next());
    }

    // Clients

    public ClientId clientId() {
        return new ClientId(ids.newId());
    }

    public Client client(PractitionerId practitioner) {
        int n = next();
        return client(practitioner, "Client Number " + n, "client." + n + "@example.net");
    }

    public Client client(PractitionerId practitioner, String name, String email) {
        return new Client(clientId(), practitioner,
                new ClientDetails(PersonName.of(name), EmailAddress.of(email), PhoneNumber.of("+33698765432"),
                        Language.ENGLISH),
                micros(T0.minus(Duration.ofDays(3)).plusNanos(654_321_000)));
    }

    public Client addClient(Stores stores, PractitionerId practitioner) {
        Client client = client(practitioner);
        stores.clients().add(client);
        return client;
    }

    // Bookings

    public BookingId bookingId() {
        return new BookingId(ids.newId());
    }

    public static BookingTerms onSiteTerms() {
        return new BookingTerms(eur("60.00"), Duration.ofHours(24), Percent.ZERO, PaymentArrangement.ON_SITE,
                Duration.ofHours(2));
    }

    public static BookingTerms prepaidTerms() {
        return new BookingTerms(eur("80.00"), Duration.ofHours(24), Percent.of(50), PaymentArrangement.PREPAID,
                Duration.ofHours(2));
    }

    /** A booking of the activity for the client, CONFIRMED two days after {@link #T0} unless told otherwise. */
    public BookingBuilder booking(Activity activity, Client client) {
        return new BookingBuilder(activity.practitionerId(), activity.id(), client);
    }

    /**
     * A booking with every field filled in through the domain's own changes: answers, a prepayment
     * and a card guarantee, held then confirmed, moved twice, cancelled late by the client with part
     * of the prepayment kept.
     */
    public Booking finishedBookingWithEverything(Activity activity, Client client) {
        Instant createdAt = micros(T0.plusNanos(111_111_000));
        Instant start = hours(72);
        Booking held = Booking.create(bookingId(), activity.practitionerId(), activity.id(), client.id(),
                client.details(), answers(), ConsultationMode.VIDEO, start, Duration.ofMinutes(45), prepaidTerms(),
                BookingState.HELD, BookedBy.CLIENT, ids.newAccessToken(), createdAt,
                Optional.of(createdAt.plus(Duration.ofMinutes(30))));
        Booking paid = held.withPayment(eur("80.00"), "pi_3PqRsTuVwXyZ");
        Booking guaranteed = paid.withGuarantee("seti_1AbCdEf");
        Booking confirmed = guaranteed.transition(BookingState.CONFIRMED, Cause.PAYMENT_RECEIVED,
                Actor.PAYMENT_PROVIDER, micros(createdAt.plus(Duration.ofMinutes(4)).plusNanos(222_222_000)),
                Optional.empty()).orElseThrow();
        Booking movedOnce = confirmed.movedTo(hours(96), micros(createdAt.plus(Duration.ofHours(1))), Actor.CLIENT);
        Booking movedTwice = movedOnce.movedTo(hours(98), micros(createdAt.plus(Duration.ofHours(2))),
                Actor.PRACTITIONER);
        Booking cancelled = movedTwice.transition(BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                Actor.CLIENT, micros(hours(90).plusNanos(333_333_000)), Optional.empty()).orElseThrow();
        return cancelled.withSettlement(new MoneyDecision.KeepFromPrepayment(eur("40.00"), eur("40.00")));
    }

    /**
     * A PENDING booking, paid, moved once (which moved its request's expiry), still seat-holding and
     * with an expiry.
     */
    public Booking pendingBookingWithExpiry(Activity activity, Client client) {
        Instant createdAt = micros(T0.plusNanos(444_444_000));
        Booking held = Booking.create(bookingId(), activity.practitionerId(), activity.id(), client.id(),
                client.details(), Map.of("reason", "Back pain"), ConsultationMode.IN_PERSON, hours(50),
                Duration.ofMinutes(45), prepaidTerms(), BookingState.HELD, BookedBy.CLIENT, ids.newAccessToken(),
                createdAt, Optional.of(createdAt.plus(Duration.ofMinutes(30))));
        Booking pending = held.withPayment(eur("80.00"), "pi_pending")
                .transition(BookingState.PENDING, Cause.PAYMENT_RECEIVED, Actor.PAYMENT_PROVIDER,
                        createdAt.plus(Duration.ofMinutes(5)), Optional.of(hours(48))).orElseThrow();
        return pending.movedTo(hours(54), createdAt.plus(Duration.ofMinutes(20)), Actor.CLIENT);
    }

    public static Map<String, String> answers() {
        Map<String, String> answers = new TreeMap<>();
        answers.put("reason", "Lower back pain since March — « aïe »");
        answers.put("allergies", "");
        answers.put("referred-by", "Dr Dupont");
        return answers;
    }

    /** Builds a booking in any state, reached through the transitions BK-2 allows. */
    public final class BookingBuilder {
        private final PractitionerId practitioner;
        private final ActivityId activity;
        private final Client client;
        private BookingState state = BookingState.CONFIRMED;
        private Instant start = hours(48);
        private Duration duration = Duration.ofMinutes(45);
        private Instant createdAt;
        private Optional<Instant> expiresAt;
        private BookedBy bookedBy = BookedBy.CLIENT;

        private BookingBuilder(PractitionerId practitioner, ActivityId activity, Client client) {
            this.practitioner = practitioner;
            this.activity = activity;
            this.client = client;
        }

        public BookingBuilder state(BookingState newState) {
            this.state = Objects.requireNonNull(newState);
            return this;
        }

        public BookingBuilder start(Instant newStart) {
            this.start = micros(newStart);
            return this;
        }

        public BookingBuilder duration(Duration newDuration) {
            this.duration = newDuration;
            return this;
        }

        /** When it was created; three days before the start unless told. */
        public BookingBuilder createdAt(Instant newCreatedAt) {
            this.createdAt = micros(newCreatedAt);
            return this;
        }

        /**
         * When a HELD or PENDING booking expires; unless told, 30 minutes after its creation when
         * HELD, the minimum notice before its start when PENDING.
         */
        public BookingBuilder expiresAt(Instant newExpiresAt) {
            this.expiresAt = Optional.of(micros(newExpiresAt));
            return this;
        }

        public BookingBuilder bookedByPractitioner() {
            this.bookedBy = BookedBy.PRACTITIONER;
            return this;
        }

        public Booking build() {
            Instant created = createdAt != null ? createdAt : micros(start.minus(Duration.ofDays(3)));
            BookingState initial = switch (state) {
                case HELD, EXPIRED -> BookingState.HELD;
                case PENDING, REFUSED -> BookingState.PENDING;
                default -> BookingState.CONFIRMED;
            };
            Optional<Instant> expiry = expiresAt != null ? expiresAt : switch (initial) {
                case HELD -> Optional.of(created.plus(Duration.ofMinutes(30)));
                case PENDING -> Optional.of(start.minus(Duration.ofHours(2)));
                default -> Optional.<Instant>empty();
            };
            Booking booking = Booking.create(bookingId(), practitioner, activity, client.id(), client.details(),
                    Map.of(), ConsultationMode.IN_PERSON, start, duration, onSiteTerms(), initial, bookedBy,
                    ids.newAccessToken(), created, expiry);
            Instant later = created.plus(Duration.ofMinutes(1));
            Instant end = start.plus(duration);
            return switch (state) {
                case HELD, PENDING, CONFIRMED -> booking;
                case EXPIRED -> to(booking, BookingState.EXPIRED, Cause.HOLD_EXPIRED, Actor.SYSTEM, later);
                case REFUSED -> to(booking, BookingState.REFUSED, Cause.REFUSED_BY_PRACTITIONER, Actor.PRACTITIONER,
                        later);
                case COMPLETED -> to(booking, BookingState.COMPLETED, Cause.ENDED, Actor.SYSTEM, end);
                case NO_SHOW -> to(booking, BookingState.NO_SHOW, Cause.NO_SHOW_REPORTED, Actor.PRACTITIONER, end);
                case CANCELLED_BY_CLIENT -> to(booking, BookingState.CANCELLED_BY_CLIENT, Cause.CANCELLED_BY_CLIENT,
                        Actor.CLIENT, later);
                case CANCELLED_BY_PRACTITIONER -> to(booking, BookingState.CANCELLED_BY_PRACTITIONER,
                        Cause.CANCELLED_BY_PRACTITIONER, Actor.PRACTITIONER, later);
            };
        }

        private Booking to(Booking booking, BookingState target, Cause cause, Actor actor, Instant at) {
            return booking.transition(target, cause, actor, at, Optional.empty()).orElseThrow();
        }
    }

    // Waitlists

    public WaitlistEntry waitlistEntry(Booking booking, Instant createdAt) {
        return new WaitlistEntry(new WaitlistEntryId(ids.newId()), booking.practitionerId(), booking.activityId(),
                booking.id(), micros(createdAt));
    }

    // Outbox

    /** A message about a booking, with parameters, to be delivered a little after it was written. */
    public OutboxMessage message(Booking booking, String causeKey, Recipient recipient, Channel channel) {
        return message(booking.practitionerId(), Optional.of(booking.id()), causeKey, recipient, channel,
                micros(T0.plusNanos(987_654_000)));
    }

    public OutboxMessage message(PractitionerId practitioner, Optional<BookingId> booking, String causeKey,
                                 Recipient recipient, Channel channel, Instant createdAt) {
        Map<String, String> parameters = new TreeMap<>();
        parameters.put("start", "2030-03-06T09:00:00Z");
        parameters.put("activity", "Ostéopathie");
        return new OutboxMessage(new OutboxMessageId(ids.newId()), practitioner, booking,
                MessageKind.BOOKING_CONFIRMED, recipient, channel, causeKey, new TreeMap<>(parameters),
                micros(createdAt), micros(createdAt.plus(Duration.ofSeconds(90))));
    }

    // Idempotency

    /** The remembered success of a command: the id of what it created. */
    public IdempotencyRecord succeeded(PractitionerId scope, String key) {
        return new IdempotencyRecord(scope, IdempotencyKey.of(key), "book", "f1ng3rpr1nt-" + key,
                Optional.of(ids.newId().toString()), Optional.empty(), "", micros(T0.plusNanos(5_000)));
    }

    /** The remembered refusal of a command. */
    public IdempotencyRecord refused(PractitionerId scope, String key) {
        return new IdempotencyRecord(scope, IdempotencyKey.of(key), "cancel-by-client", "other-print-" + key,
                Optional.empty(), Optional.of(Reason.SLOT_FULL), "start: no seat left at 09:00",
                micros(T0.plusNanos(7_000)));
    }
}
