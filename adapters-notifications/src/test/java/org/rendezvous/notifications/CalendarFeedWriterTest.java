package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.CalendarService;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.AccessToken;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.calendar.CalendarEvent;
import org.rendezvous.core.calendar.PractitionerCalendar;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.BookingDetails;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.PractitionerId;

/** CAL-2: the practitioner's feed and the client's .ics, parsed back strictly and validated with ical4j. */
class CalendarFeedWriterTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant START = Instant.parse("2026-12-10T08:00:00Z");
    private static final Instant CHANGED = Instant.parse("2026-12-01T10:15:30.123456Z");
    private final CalendarFeedWriter writer = new CalendarFeedWriter("rendezvous.test", Samples.TEMPLATES);

    private static BookingDetails booking(int n, BookingState state, int sequence, ConsultationMode mode,
                                          Optional<String> address) {
        return new BookingDetails(new BookingId(UUID.fromString("0b0c0d0e-0000-4000-8000-00000000000" + n)),
                START.plus(Duration.ofDays(n)), START.plus(Duration.ofDays(n)).plus(Duration.ofMinutes(45)),
                "Shiatsu équilibrant", mode, address, Money.of("60.00", "EUR"), Money.of("0.00", "EUR"), state,
                sequence, new AccessToken("tok3n_0f_th3_b00king_l1nk" + n), Duration.ofHours(24), Optional.empty(),
                Optional.empty());
    }

    private static PractitionerCalendar calendar() {
        return calendar(Language.FRENCH);
    }

    private static PractitionerCalendar calendar(Language language) {
        List<CalendarEvent> events = List.of(
                new CalendarEvent(booking(1, BookingState.CONFIRMED, 0, ConsultationMode.IN_PERSON,
                        Optional.of("12 rue de la Paix, 75002 Paris")), PersonName.of("Zoé Lefèvre"), CHANGED),
                new CalendarEvent(booking(2, BookingState.PENDING, 0, ConsultationMode.VIDEO, Optional.empty()),
                        PersonName.of("Paul Durand"), CHANGED),
                new CalendarEvent(booking(3, BookingState.CANCELLED_BY_CLIENT, 3, ConsultationMode.PHONE, Optional.empty()),
                        PersonName.of("Léa; Roux, \"la\" cliente"), CHANGED));
        return new PractitionerCalendar(new PractitionerId(UUID.randomUUID()), "Anna Müller", language, PARIS,
                START.minus(Duration.ofDays(30)), START.plus(Duration.ofDays(90)), events);
    }

    private static Calendar parseStrictly(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar;
    }

    private static String value(PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    @DisplayName("CAL-2 the feed is RFC 5545: PRODID, VERSION, X-WR-CALNAME, VTIMEZONE, one VEVENT per booking with UID, DTSTAMP, SEQUENCE, SUMMARY, LOCATION, STATUS")
    void feedIsValidICalendar() throws Exception {
        String ics = writer.feed(calendar());

        assertThat(ics).contains("\r\n");
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        Calendar calendar = parseStrictly(ics);
        assertThat(value(calendar, Property.PRODID)).isEqualTo("-//Rendezvous//Booking engine//EN");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.METHOD)).isEqualTo("PUBLISH");
        assertThat(value(calendar, "X-WR-CALNAME")).isEqualTo("Rendezvous – Anna Müller");
        assertThat(value(calendar, "X-WR-TIMEZONE")).isEqualTo("Europe/Paris");
        assertThat(calendar.getComponent("VTIMEZONE")).isPresent();
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).hasSize(3);

        VEvent confirmed = events.get(0);
        assertThat(value(confirmed, Property.UID)).isEqualTo("booking-0b0c0d0e-0000-4000-8000-000000000001@rendezvous.test");
        assertThat(value(confirmed, Property.DTSTAMP)).isEqualTo("20261201T101530Z");
        assertThat(value(confirmed, Property.SEQUENCE)).isEqualTo("0");
        assertThat(value(confirmed, Property.SUMMARY)).isEqualTo("Shiatsu équilibrant – Zoé Lefèvre");
        assertThat(value(confirmed, Property.LOCATION)).isEqualTo("12 rue de la Paix, 75002 Paris");
        assertThat(value(confirmed, Property.STATUS)).isEqualTo("CONFIRMED");
        DtStart<?> start = confirmed.<DtStart<?>>getProperty(Property.DTSTART).orElseThrow();
        assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Europe/Paris");
        assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(START.plus(Duration.ofDays(1)));

        assertThat(value(events.get(1), Property.STATUS)).isEqualTo("TENTATIVE");
        assertThat(value(events.get(1), Property.LOCATION)).isEqualTo("en visio");
        VEvent cancelled = events.get(2);
        assertThat(value(cancelled, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(cancelled, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(cancelled, Property.SUMMARY)).isEqualTo("Shiatsu équilibrant – Léa; Roux, \"la\" cliente");
        assertThat(ics).doesNotContain("@example").doesNotContain("tok3n");
    }

    @Test
    @DisplayName("CAL-2 the same bookings always give the same feed text (so its ETag holds)")
    void deterministic() {
        assertThat(writer.feed(calendar(Language.ENGLISH))).isEqualTo(writer.feed(calendar(Language.ENGLISH)));
    }

    @Test
    @DisplayName("CAL-2 an empty feed is still a valid calendar")
    void emptyFeed() throws Exception {
        PractitionerCalendar empty = new PractitionerCalendar(new PractitionerId(UUID.randomUUID()), "Anna", Language.ENGLISH, PARIS,
                START, START.plus(Duration.ofDays(1)), List.of());
        Calendar calendar = parseStrictly(writer.feed(empty));
        assertThat(calendar.getComponents("VEVENT")).isEmpty();
    }

    @Test
    @DisplayName("CAL-1 the client's .ics: one event with the invitation's UID, the practitioner's name and the booking link")
    void clientsIcs() throws Exception {
        CalendarEvent event = calendar().events().get(0);
        Practitioner anna = new Practitioner(new PractitionerId(UUID.randomUUID()), PersonName.of("Anna Müller"),
                EmailAddress.of("anna@example.org"), Optional.empty(), Language.FRENCH, START.minus(Duration.ofDays(100)));
        Calendar calendar = parseStrictly(writer.booking(new CalendarService.BookingEvent(event, anna, PARIS,
                Language.ENGLISH)));

        VEvent vevent = calendar.<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(value(vevent, Property.UID)).isEqualTo(Samples.invitations().uid(event.booking()));
        assertThat(value(vevent, Property.SUMMARY)).isEqualTo("Shiatsu équilibrant – Anna Müller");
        assertThat(value(vevent, Property.URL)).isEqualTo("https://rdv.example.org/b/tok3n_0f_th3_b00king_l1nk1");
        assertThat(value(vevent, Property.DESCRIPTION)).contains("Manage the booking: https://rdv.example.org/b/");
    }
}
