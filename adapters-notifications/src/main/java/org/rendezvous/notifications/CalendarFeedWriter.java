package org.rendezvous.notifications;

import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.rendezvous.core.CalendarService;
import org.rendezvous.core.calendar.CalendarEvent;
import org.rendezvous.core.calendar.PractitionerCalendar;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.notification.BookingDetails;

/**
 * Writes calendars as iCalendar text (RFC 5545) with ical4j: a practitioner's subscribed feed (CAL-2) and one
 * booking for its client's "add to my calendar".
 *
 * <p>Both are {@code METHOD:PUBLISH}. Each booking is one VEVENT whose {@code UID} is the one its invitation
 * e-mails carry ({@link CalendarInvitations#uid}), so a calendar updates the event it already has; {@code
 * SEQUENCE} grows with each move and on cancellation; {@code DTSTAMP} is when the booking last changed, so the
 * same bookings always give the same text (and the same ETag). Times carry the practitioner's zone with its
 * VTIMEZONE. Cancelled, refused and expired bookings stay as {@code STATUS:CANCELLED}; requests not yet answered
 * are {@code STATUS:TENTATIVE}. The feed names no e-mail address or phone number: it may be copied around.
 */
public final class CalendarFeedWriter {

    /** How often subscribed calendars are asked to look again (Google ignores it; Apple and Outlook honour it). */
    public static final String REFRESH = "PT15M";

    private final String uidDomain;
    private final TemplateSettings templates;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    /** @param uidDomain the same right-hand side of UIDs as the invitations' ({@link CalendarInvitations}) */
    public CalendarFeedWriter(String uidDomain, TemplateSettings templates) {
        this.uidDomain = Objects.requireNonNull(uidDomain, "uidDomain");
        if (uidDomain.isBlank()) {
            throw new IllegalArgumentException("uidDomain: must not be blank");
        }
        this.templates = Objects.requireNonNull(templates, "templates");
    }

    /** The practitioner's feed, titled for them, in their language. */
    public String feed(PractitionerCalendar calendar) {
        Language language = calendar.language();
        Calendar ics = calendar(calendar.zone());
        String title = templates.productName() + " – " + calendar.name();
        ics.add(new XProperty("X-WR-CALNAME", title));
        ics.add(new XProperty("X-WR-CALDESC", language == Language.FRENCH
                ? "Vos rendez-vous (" + templates.productName() + ")" : "Your bookings (" + templates.productName() + ")"));
        ics.add(new XProperty("X-WR-TIMEZONE", calendar.zone().getId()));
        ics.add(new XProperty("X-PUBLISHED-TTL", REFRESH));
        for (CalendarEvent event : calendar.events()) {
            VEvent vevent = event(event, calendar.zone(), language,
                    event.booking().activity() + " – " + event.client().value());
            vevent.add(new Description(describe(event, language, true)));
            ics.add(vevent);
        }
        return folded(ics.toString());
    }

    /** One booking for its client's calendar, in the client's language, with the link to manage it. */
    public String booking(CalendarService.BookingEvent booking) {
        Language language = booking.language();
        Calendar ics = calendar(booking.zone());
        CalendarEvent event = booking.event();
        VEvent vevent = event(event, booking.zone(), language,
                event.booking().activity() + " – " + booking.practitioner().name().value());
        URI link = URI.create(templates.bookingLinkBase() + event.booking().accessToken().value());
        vevent.add(new Url(link));
        vevent.add(new Description(describe(event, language, false)
                + (language == Language.FRENCH ? "\nGérer le rendez-vous : " : "\nManage the booking: ") + link));
        ics.add(vevent);
        return folded(ics.toString());
    }

    /**
     * RFC 5545 §3.1: content lines of at most 75 octets, longer ones folded (CRLF and a space), never inside a
     * UTF-8 sequence. ical4j's own folding counts characters, which French names overrun.
     */
    static String folded(String ics) {
        StringBuilder out = new StringBuilder(ics.length() + ics.length() / 60 * 3);
        for (String line : ics.split("\r\n")) {
            int octets = 0;
            int limit = 75;
            for (int i = 0; i < line.length(); ) {
                int codePoint = line.codePointAt(i);
                int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
                if (octets + size > limit) {
                    out.append("\r\n ");
                    octets = 0;
                    limit = 74; // the leading space counts
                }
                out.appendCodePoint(codePoint);
                octets += size;
                i += Character.charCount(codePoint);
            }
            out.append("\r\n");
        }
        return out.toString();
    }

    /** The stable UID of a booking's event: the same as its invitations'. */
    public String uid(BookingDetails booking) {
        return "booking-" + booking.id() + "@" + uidDomain;
    }

    private Calendar calendar(ZoneId zone) {
        Calendar ics = new Calendar();
        ics.add(new ProdId("-//Rendezvous//Booking engine//EN"));
        ics.add(ImmutableVersion.VERSION_2_0);
        ics.add(ImmutableCalScale.GREGORIAN);
        ics.add(new Method(Method.VALUE_PUBLISH));
        net.fortuna.ical4j.model.TimeZone tz = zones.getTimeZone(zone.getId());
        if (tz != null) {
            ics.add(tz.getVTimeZone());
        }
        return ics;
    }

    private VEvent event(CalendarEvent event, ZoneId zone, Language language, String summary) {
        BookingDetails booking = event.booking();
        boolean zoned = zones.getTimeZone(zone.getId()) != null;
        VEvent vevent = new VEvent(false);
        vevent.add(new Uid(uid(booking)));
        vevent.add(new DtStamp(event.lastChanged().truncatedTo(ChronoUnit.SECONDS)));
        if (zoned) {
            vevent.add(new DtStart<>(booking.start().atZone(zone).truncatedTo(ChronoUnit.SECONDS)));
            vevent.add(new DtEnd<>(booking.end().atZone(zone).truncatedTo(ChronoUnit.SECONDS)));
        } else {
            vevent.add(new DtStart<>(booking.start().truncatedTo(ChronoUnit.SECONDS)));
            vevent.add(new DtEnd<>(booking.end().truncatedTo(ChronoUnit.SECONDS)));
        }
        vevent.add(new Sequence(booking.calendarSequence()));
        vevent.add(new Summary(summary));
        vevent.add(new Location(booking.address().orElse(TemplateContext.mode(booking.mode(), language))));
        vevent.add(new Status(event.cancelled() ? Status.VALUE_CANCELLED
                : event.tentative() ? Status.VALUE_TENTATIVE : Status.VALUE_CONFIRMED));
        vevent.add(new Transp(event.cancelled() ? Transp.VALUE_TRANSPARENT : Transp.VALUE_OPAQUE));
        return vevent;
    }

    private static String describe(CalendarEvent event, Language language, boolean forPractitioner) {
        boolean fr = language == Language.FRENCH;
        String state = switch (event.booking().state()) {
            case PENDING, HELD -> fr ? "En attente de votre confirmation" : "Waiting for your confirmation";
            case CANCELLED_BY_CLIENT -> fr ? "Annulé par le client" : "Cancelled by the client";
            case CANCELLED_BY_PRACTITIONER -> fr ? "Annulé" : "Cancelled";
            case REFUSED -> fr ? "Refusé" : "Refused";
            case EXPIRED -> fr ? "Expiré" : "Expired";
            case NO_SHOW -> fr ? "Absence" : "No-show";
            default -> fr ? "Confirmé" : "Confirmed";
        };
        if (!forPractitioner && (event.booking().state() == org.rendezvous.core.booking.BookingState.PENDING)) {
            state = fr ? "En attente de confirmation" : "Waiting for confirmation";
        }
        return state + " · " + TemplateContext.mode(event.booking().mode(), language);
    }
}
