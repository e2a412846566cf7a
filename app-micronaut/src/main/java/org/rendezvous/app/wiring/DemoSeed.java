package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.account.Credentials;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.Address;
import org.rendezvous.core.practitioner.ChangeProfileCommand;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;
import org.rendezvous.core.practitioner.Slug;
import org.rendezvous.core.port.Accounts;
import org.rendezvous.core.port.PasswordHasher;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * With {@code rendezvous.demo=true} (RENDEZVOUS_DEMO), fills an empty host with a demo practitioner at start:
 * a verified account, three activities, weekly openings, a day off and bookings in several states, dated
 * from the week after the start so that they stay bookable. It runs once per database: a host that already
 * has the demo account (found by its fixed e-mail) adds nothing, so restarts on the embedded database keep
 * the demo as it was left. The login and password are fixed and printed, which is fine for demo data only.
 */
@Singleton
@Requires(property = "rendezvous.demo", value = "true")
final class DemoSeed implements ApplicationEventListener<ServerStartupEvent> {

    static final String EMAIL = "demo@rendezvous.example";
    static final String PASSWORD = "rendezvous-demo";
    /** The demo's public booking page: /p/camille-demo. */
    static final String SLUG = "camille-demo";
    static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private static final Logger LOG = LoggerFactory.getLogger(DemoSeed.class);

    /** What the seeder found or made: the demo practitioner, and the booking links of its seat-holding bookings. */
    record Seeded(PractitionerId practitioner, boolean created, List<AccessToken> bookingLinks) {
    }

    private final Rendezvous engine;
    private final Stores stores;
    private final Accounts accounts;
    private final PasswordHasher hasher;
    private final Optional<SandboxPaymentGateway> sandbox;
    private final HostSettings host;
    private final Clock clock;

    DemoSeed(Rendezvous engine, Stores stores, Accounts accounts, PasswordHasher hasher,
             Optional<SandboxPaymentGateway> sandbox, HostSettings host, Clock clock) {
        this.clock = clock;
        this.engine = engine;
        this.stores = stores;
        this.accounts = accounts;
        this.hasher = hasher;
        this.sandbox = sandbox;
        this.host = host;
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        Seeded seeded;
        try {
            seeded = seed();
        } catch (RuntimeException e) {
            // The host is useful without its demo data; say why it is missing rather than refuse to start.
            LOG.error("demo: the demo data could not be made", e);
            return;
        }
        String base = host.baseUrl();
        LOG.info("demo: {} — log in at {}/login as {} with password {} to open the dashboard; the public booking page: "
                        + "{}/p/{}; a client's booking link: {}; the API: {}/swagger-ui/index.html",
                seeded.created() ? "demo data made" : "demo data already there, nothing added", base, EMAIL, PASSWORD, base,
                SLUG, seeded.bookingLinks().isEmpty() ? "none" : base + "/b/" + seeded.bookingLinks().get(0).value(), base);
    }

    /** Makes the demo data unless the demo account exists already; either way answers what is there. */
    Seeded seed() {
        Optional<Credentials> existing = accounts.findByEmail(EmailAddress.of(EMAIL));
        if (existing.isPresent()) {
            return new Seeded(existing.get().practitionerId(), false, links(existing.get().practitionerId()));
        }
        Practitioner demo = stores.transactions().inTransaction(() -> {
            Practitioner practitioner = engine.practitioners().register(new RegisterPractitionerCommand(
                    PersonName.of("Camille Demo"), EmailAddress.of(EMAIL), Optional.empty(),
                    Language.ENGLISH, ZONE));
            if (!accounts.add(Credentials.create(practitioner.id(), EmailAddress.of(EMAIL), hasher.hash(PASSWORD)).verified())) {
                throw new IllegalStateException("demo: another instance is making the demo account at the same time");
            }
            return practitioner;
        });
        PractitionerId id = demo.id();
        engine.practitioners().changeSettings(id, engine.practitioners().settings(id).orElseThrow()
                .withSpacing(Duration.ofMinutes(10)).withWaitlistAlerts(true)).orElseThrow();
        // The public booking page at /p/camille-demo (PAGE-1, PAGE-2), so that the demo shows it too.
        engine.practitioners().changeProfile(new ChangeProfileCommand(id, demo.name(), Optional.empty(), Language.ENGLISH,
                Optional.of(Slug.of(SLUG)), "Shiatsu, coaching calls and group yoga in the centre of Paris. (Demo data.)",
                List.of(Address.of("Practice", "1 rue de Rivoli, 75001 Paris")), true)).orElseThrow();

        Activity shiatsu = activity(id, "Shiatsu", 60, "60.00", Set.of(ConsultationMode.IN_PERSON));
        Activity coaching = activity(id, "Coaching call", 30, "35.00", Set.of(ConsultationMode.PHONE, ConsultationMode.VIDEO));
        Activity yoga = activity(id, "Group yoga", 90, "20.00", Set.of(ConsultationMode.IN_PERSON));

        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            for (LocalTime[] window : List.of(new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(12, 0)},
                    new LocalTime[] {LocalTime.of(14, 0), LocalTime.of(18, 0)})) {
                engine.agenda().addOpening(id, OpeningSpec.weekly(day, today, window[0], window[1])
                        .withActivities(Set.of(shiatsu.id(), coaching.id()))).orElseThrow();
            }
        }
        // A group session: eight seats on Saturday mornings (AG-7).
        engine.agenda().addOpening(id, OpeningSpec.weekly(DayOfWeek.SATURDAY, today, LocalTime.of(10, 0), LocalTime.of(11, 30))
                .withActivities(Set.of(yoga.id())).withCapacity(8)).orElseThrow();

        LocalDate monday = today.plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        engine.agenda().addUnavailability(id, monday.plusWeeks(2).atStartOfDay(ZONE).toInstant(),
                monday.plusWeeks(2).plusDays(1).atStartOfDay(ZONE).toInstant(), "Training course").orElseThrow();

        Booking confirmed = book(id, shiatsu, at(monday, 9), ConsultationMode.IN_PERSON, "Léa Moreau", "lea.moreau", "1");
        confirm(id, confirmed);
        // Start times on each activity's grid: the opening's start plus steps of duration + spacing (AG-3).
        book(id, shiatsu, at(monday.plusDays(1), 9), ConsultationMode.IN_PERSON, "Hugo Bernard", "hugo.bernard", "2");
        Booking paid = book(id, coaching, at(monday.plusDays(2), 14), ConsultationMode.VIDEO, "Inès Laurent", "ines.laurent", "3");
        if (payOnTheSandbox(paid)) {
            confirm(id, engine.clientBookings().findByLink(paid.accessToken()).orElseThrow());
        }
        for (String[] client : List.of(new String[] {"Nina Petit", "nina.petit"}, new String[] {"Paul Roux", "paul.roux"},
                new String[] {"Sarah Lefèvre", "sarah.lefevre"})) {
            confirm(id, book(id, yoga, at(monday.plusDays(5), 10), ConsultationMode.IN_PERSON, client[0], client[1],
                    "yoga-" + client[1]));
        }
        Booking cancelled = book(id, shiatsu, at(monday.plusDays(3), 14), ConsultationMode.IN_PERSON, "Tom Girard",
                "tom.girard", "4");
        engine.clientBookings().cancelByClient(new CancelByClientCommand(cancelled.accessToken(), IdempotencyKey.of("demo-cancel-4")))
                .orElseThrow();
        return new Seeded(id, true, links(id));
    }

    private Activity activity(PractitionerId id, String name, int minutes, String price, Set<ConsultationMode> modes) {
        return engine.agenda().addActivity(new AddActivityCommand(id, name, Duration.ofMinutes(minutes), Money.of(price, "EUR"),
                modes)).orElseThrow();
    }

    private static Instant at(LocalDate date, int hour) {
        return date.atTime(hour, 0).atZone(ZONE).toInstant();
    }

    private Booking book(PractitionerId id, Activity activity, Instant start, ConsultationMode mode, String name, String mailbox,
                         String key) {
        // Remote consultations are paid online when the operator's model asks for it (PAY-1).
        return engine.bookings().book(new BookCommand(id, activity.id(), start, mode,
                ClientDetails.of(name, mailbox + "@example.org", "+33 6 12 34 56 78"), new TreeMap<>(),
                mode != ConsultationMode.IN_PERSON, IdempotencyKey.of("demo-book-" + key))).orElseThrow();
    }

    private void confirm(PractitionerId id, Booking booking) {
        if (booking.state() == BookingState.PENDING) {
            engine.bookings().confirm(new ConfirmBookingCommand(id, booking.id(), IdempotencyKey.of("demo-confirm-" + booking.id())))
                    .orElseThrow();
        }
    }

    /** PAY-1 on the sandbox provider: the client's payment page, paid; false when there is nothing to pay or no sandbox. */
    private boolean payOnTheSandbox(Booking booking) {
        if (booking.state() != BookingState.HELD || sandbox.isEmpty()) {
            return false;
        }
        return engine.payments().checkout(booking.accessToken())
                .fold(started -> sandbox.get().completePayment(started.reference()).isPresent(), rejected -> false);
    }

    private List<AccessToken> links(PractitionerId id) {
        LocalDate today = LocalDate.now(clock.withZone(ZONE));
        List<AccessToken> links = new ArrayList<>();
        for (Booking booking : engine.agenda().bookingsBetween(id, today, today.plusDays(60)).orElseThrow()) {
            if (booking.holdsSeat()) {
                links.add(booking.accessToken());
            }
        }
        return links;
    }
}
