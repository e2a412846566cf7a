package org.rendezvous.notifications;

import java.net.URI;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.notification.Contact;
import org.rendezvous.core.notification.InvitationSnapshot;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutgoingMessage;
import org.rendezvous.core.notification.Recipient;

/**
 * The iCalendar invitation attached to e-mails about a confirmed booking (CAL-1), built with ical4j.
 *
 * <p>One event per booking: its {@code UID} is made of the booking id, so a move or a cancellation
 * updates the event the recipient's calendar already has; {@code SEQUENCE} is the booking's calendar
 * sequence, which grows with each move and on cancellation. Confirmations and moves of a CONFIRMED
 * booking are {@code METHOD:REQUEST}; cancellations {@code METHOD:CANCEL} with {@code STATUS:CANCELLED}.
 * Times carry the practitioner's zone ({@code TZID} and its {@code VTIMEZONE}). The practitioner is the
 * organizer and the client the attendee, whoever receives the e-mail.
 */
public final class CalendarInvitations {

    /** The invitation and its method, for the {@code text/calendar; method=…} part. */
    public record Invitation(String method, String ics) {
        public Invitation {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(ics, "ics");
        }
    }

    private static final Set<MessageKind> REQUESTS = Set.of(MessageKind.BOOKING_CONFIRMED,
            MessageKind.BOOKING_CONFIRMED_AUTOMATICALLY, MessageKind.MOVED_BY_CLIENT, MessageKind.MOVED_BY_PRACTITIONER);
    private static final Set<MessageKind> CANCELLATIONS = Set.of(MessageKind.CANCELLED_BY_CLIENT,
            MessageKind.CANCELLED_BY_PRACTITIONER);

    private final String uidDomain;
    private final TemplateSettings templates;
    private final Clock clock;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /**
     * @param uidDomain the right-hand side of every event UID, e.g. the sender's domain: keep it stable,
     *                  or calendars will see new events instead of updates
     */
    public CalendarInvitations(String uidDomain, TemplateSettings templates, Clock clock) {
        this.uidDomain = Objects.requireNonNull(uidDomain, "uidDomain");
        if (uidDomain.isBlank()) {
            throw new IllegalArgumentException("uidDomain: must not be blank");
        }
        this.templates = Objects.requireNonNull(templates, "templates");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The invitation an e-mail of this kind carries, if any. */
    public Optional<Invitation> invitationFor(OutgoingMessage message) {
        if (message.booking().isEmpty() || message.client().isEmpty()) {
            return Optional.empty();
        }
        BookingDetails booking = message.booking().get();
        Optional<BookingDetails> asConfirmed = asConfirmed(message, booking);
        if (REQUESTS.contains(message.kind()) && asConfirmed.isPresent()) {
            // CAL-1: the booking as it was confirmed (or moved), even if it changed before this e-mail left (issue 14).
            return Optional.of(build(message, asConfirmed.get(), Method.VALUE_REQUEST));
        }
        if (REQUESTS.contains(message.kind()) && booking.state() == BookingState.CONFIRMED) {
            return Optional.of(build(message, booking, Method.VALUE_REQUEST));
        }
        if (CANCELLATIONS.contains(message.kind())) {
            return Optional.of(build(message, booking, Method.VALUE_CANCEL));
        }
        return Optional.empty();
    }

    /** The booking as the message's event left it, from the resolver's {@link InvitationSnapshot} parameters. */
    private static Optional<BookingDetails> asConfirmed(OutgoingMessage message, BookingDetails b) {
        java.util.Map<String, String> p = message.parameters();
        if (!p.containsKey(InvitationSnapshot.START) || !p.containsKey(InvitationSnapshot.END)
                || !p.containsKey(InvitationSnapshot.SEQUENCE)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BookingDetails(b.id(), java.time.Instant.parse(p.get(InvitationSnapshot.START)),
                    java.time.Instant.parse(p.get(InvitationSnapshot.END)), b.activity(), b.mode(), b.address(), b.price(),
                    b.paid(), BookingState.CONFIRMED, Integer.parseInt(p.get(InvitationSnapshot.SEQUENCE)), b.accessToken(),
                    b.cancellationDeadline(), b.amountCharged(), b.amountRefunded()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The stable UID of a booking's event. */
    public String uid(BookingDetails booking) {
        return "booking-" + booking.id() + "@" + uidDomain;
    }

    private Invitation build(OutgoingMessage message, BookingDetails booking, String method) {
        Contact practitioner = message.practitioner();
        Contact client = message.client().orElseThrow();
        Language language = message.to().language();
        boolean toClient = message.recipientRole() == Recipient.CLIENT;
        String other = toClient ? practitioner.name().value() : client.name().value();

        net.fortuna.ical4j.model.TimeZone zone = zones.getTimeZone(message.zone().getId());
        ZonedDateTime start = booking.start().atZone(message.zone());
        ZonedDateTime end = booking.end().atZone(message.zone());

        VEvent event = new VEvent(false);
        event.add(new Uid(uid(booking)));
        event.add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        event.add(new DtStart<>(start));
        event.add(new DtEnd<>(end));
        event.add(new Sequence(booking.calendarSequence()));
        event.add(new Summary(booking.activity() + " – " + other));
        event.add(new Location(booking.address().orElse(TemplateContext.mode(booking.mode(), language))));
        if (toClient) {
            URI link = URI.create(templates.bookingLinkBase() + booking.accessToken().value());
            event.add(new Url(link));
            event.add(new Description((language == Language.FRENCH ? "Gérer le rendez-vous : " : "Manage the booking: ")
                    + link));
        }
        Organizer organizer = new Organizer(URI.create("mailto:" + practitioner.email().value()));
        organizer.add(new Cn(practitioner.name().value()));
        event.add(organizer);
        Attendee attendee = new Attendee(URI.create("mailto:" + client.email().value()));
        attendee.add(new Cn(client.name().value()));
        attendee.add(Role.REQ_PARTICIPANT);
        attendee.add(Method.VALUE_CANCEL.equals(method) ? PartStat.DECLINED : PartStat.ACCEPTED);
        event.add(attendee);
        event.add(new Status(Method.VALUE_CANCEL.equals(method) ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));

        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Rendezvous//Booking engine//EN"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(new Method(method));
        if (zone != null) {
            calendar.add(zone.getVTimeZone());
        }
        calendar.add(event);
        return new Invitation(method, calendar.toString());
    }
}
