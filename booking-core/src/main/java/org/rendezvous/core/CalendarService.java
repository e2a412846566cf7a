package org.rendezvous.core;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.ActivityId;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.calendar.CalendarEvent;
import org.rendezvous.core.calendar.FeedToken;
import org.rendezvous.core.calendar.PractitionerCalendar;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Bookings;
import org.rendezvous.core.port.CalendarFeeds;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Practitioners;
import org.rendezvous.core.port.Transactions;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * CAL-2: each practitioner's private calendar feed of their bookings, and one booking as a calendar event
 * for the client's "add to my calendar".
 *
 * <p>The feed covers the bookings that overlap [now − {@link #PAST}, now + the booking window]: recent ones
 * stay visible, and every time a client can book is covered. Bookings waiting for a payment or an answer are
 * TENTATIVE; cancelled, refused and expired ones stay in the feed as CANCELLED so that subscribed calendars
 * remove them.
 */
public final class CalendarService {

    /** How far back the feed goes. */
    public static final Duration PAST = Duration.ofDays(30);

    private final Practitioners practitioners;
    private final Agendas agendas;
    private final Bookings bookings;
    private final Transactions transactions;
    private final Ids ids;
    private final Now clock;
    private final CalendarFeeds feeds;

    CalendarService(Practitioners practitioners, Agendas agendas, Bookings bookings, Transactions transactions,
                    Ids ids, Now clock, CalendarFeeds feeds) {
        this.practitioners = practitioners;
        this.agendas = agendas;
        this.bookings = bookings;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
        this.feeds = Objects.requireNonNull(feeds, "feeds");
    }

    /** The practitioner's feed token, made on first use. */
    public FeedToken feedToken(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        return transactions.inTransaction(() -> feeds.token(practitioner).orElseGet(() -> {
            FeedToken token = new FeedToken(ids.newAccessToken().value());
            feeds.replace(practitioner, token);
            return token;
        }));
    }

    /** A new feed token for the practitioner: the old address stops working at once. */
    public FeedToken rotate(PractitionerId practitioner) {
        Objects.requireNonNull(practitioner, "practitioner");
        FeedToken token = new FeedToken(ids.newAccessToken().value());
        transactions.inTransaction(() -> {
            feeds.replace(practitioner, token);
            return token;
        });
        return token;
    }

    /** The feed behind a token, if the token is someone's current one. */
    public Optional<PractitionerCalendar> feed(String token) {
        if (!FeedToken.isWellFormed(token)) {
            return Optional.empty();
        }
        FeedToken candidate = new FeedToken(token);
        Optional<PractitionerId> owner = feeds.owner(candidate);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        Optional<Practitioner> practitioner = practitioners.find(owner.get());
        if (practitioner.isEmpty()) {
            return Optional.empty();
        }
        AgendaSettings settings = agendas.settings(owner.get()).orElseGet(AgendaSettings::defaults);
        Instant now = clock.instant();
        Instant from = now.minus(PAST);
        Instant to = now.plus(settings.horizon());
        Details details = new Details(owner.get(), settings);
        List<CalendarEvent> events = new ArrayList<>();
        for (Booking booking : bookings.ofPractitioner(owner.get(), from, to)) {
            if (booking.state() == BookingState.HELD) {
                continue; // waiting for a payment that may never come: not yet in anyone's calendar
            }
            events.add(details.event(booking));
        }
        events.sort(Comparator.comparing((CalendarEvent e) -> e.booking().start()).thenComparing(e -> e.booking().id().toString()));
        return Optional.of(new PractitionerCalendar(owner.get(), practitioner.get().name().value(),
                practitioner.get().language(), settings.zone(),
                from, to, events));
    }

    /** The booking behind a client's link as a calendar event ("add to my calendar"), with the practitioner's zone. */
    public Optional<BookingEvent> bookingEvent(AccessToken token) {
        Optional<Booking> booking = bookings.findByAccessToken(token)
                .filter(b -> b.accessToken().matches(token.value()));
        if (booking.isEmpty()) {
            return Optional.empty();
        }
        Booking b = booking.get();
        Optional<Practitioner> practitioner = practitioners.find(b.practitionerId());
        if (practitioner.isEmpty()) {
            return Optional.empty();
        }
        AgendaSettings settings = agendas.settings(b.practitionerId()).orElseGet(AgendaSettings::defaults);
        return Optional.of(new BookingEvent(new Details(b.practitionerId(), settings).event(b), practitioner.get(),
                settings.zone(), b.client().language()));
    }

    /** One booking for its client's calendar: the event, the practitioner it is with, their zone, the client's language. */
    public record BookingEvent(CalendarEvent event, Practitioner practitioner, java.time.ZoneId zone,
                               org.rendezvous.core.contact.Language language) {
        public BookingEvent {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(practitioner, "practitioner");
            Objects.requireNonNull(zone, "zone");
        }
    }

    /** Reads activities and openings once for all the bookings of a feed. */
    private final class Details {
        private final AgendaSettings settings;
        private final Map<ActivityId, String> activities;
        private final List<Opening> openings;

        Details(PractitionerId practitioner, AgendaSettings settings) {
            this.settings = settings;
            this.activities = agendas.activities(practitioner).stream()
                    .collect(Collectors.toMap(Activity::id, Activity::name, (a, b) -> a));
            this.openings = agendas.openings(practitioner);
        }

        CalendarEvent event(Booking b) {
            Optional<MoneyDecision> settlement = b.settlement();
            BookingDetails details = new BookingDetails(b.id(), b.start(), b.end(),
                    activities.getOrDefault(b.activityId(), "—"), b.mode(), address(b), b.price(), b.paid(), b.state(),
                    b.calendarSequence(), b.accessToken(), b.terms().cancellationDeadline(),
                    settlement.flatMap(MoneyDecision::amountCharged), settlement.flatMap(MoneyDecision::amountRefunded));
            return new CalendarEvent(details, b.client().name(), lastChanged(b));
        }

        /** The address of the opening an in-person booking lies in, if that opening names one. */
        private Optional<String> address(Booking b) {
            if (b.mode() != ConsultationMode.IN_PERSON) {
                return Optional.empty();
            }
            ZonedDateTime start = b.start().atZone(settings.zone());
            LocalDate date = start.toLocalDate();
            LocalTime time = start.toLocalTime();
            for (Opening opening : openings) {
                boolean endsInside = opening.end().equals(LocalTime.MIDNIGHT) || !time.isAfter(opening.end());
                if (opening.occursOn(date) && !time.isBefore(opening.start()) && endsInside
                        && opening.place().address().isPresent()) {
                    return opening.place().address();
                }
            }
            return Optional.empty();
        }
    }

    /** When the booking last changed in a way a calendar sees: its latest transition or move. */
    static Instant lastChanged(Booking b) {
        Instant latest = b.createdAt();
        for (var transition : b.history()) {
            latest = transition.at().isAfter(latest) ? transition.at() : latest;
        }
        for (var move : b.moves()) {
            latest = move.at().isAfter(latest) ? move.at() : latest;
        }
        return latest;
    }
}
