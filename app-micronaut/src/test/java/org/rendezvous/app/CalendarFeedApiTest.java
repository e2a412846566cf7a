package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyContainer;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.port.Stores;

/** CAL-2 over HTTP: the practitioner's private feed, its ETag, its rotation, and the client's "add to my calendar". */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class CalendarFeedApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    BlockingHttpClient http;
    String anna;
    String annaId;
    String activityId;
    LocalDate monday;
    String suffix;

    @BeforeEach
    void agenda() {
        http = client.toBlocking();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        anna = AccountsTestSupport.session(http, stores, "anna-" + suffix + "@example.org", "anna's long password");
        annaId = (String) send(HttpRequest.GET(P + "/profile")).get("id");
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        activityId = (String) send(HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody("Shiatsu", 60)))
                .get("id");
        send(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom", LocalDate.now(PARIS).toString(),
                "start", "09:00", "end", "12:00")));
    }

    Map<?, ?> send(MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(anna), Map.class);
    }

    /** A client books on the public page: the booking, with its link. */
    Map<?, ?> book(String who, int hour) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + annaId + "/bookings", Map.of(
                "activityId", activityId, "start", monday.atTime(hour, 0).atZone(PARIS).toInstant().toString(),
                "mode", "IN_PERSON", "client", Map.of("name", who, "email", who.toLowerCase() + "-" + suffix + "@example.org",
                        "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", "book-" + who + suffix), Map.class);
    }

    static String path(String url) {
        return URI.create(url).getRawPath();
    }

    static Calendar parseStrictly(String ics) throws Exception {
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        calendar.validate();
        return calendar;
    }

    static String value(PropertyContainer container, String name) {
        return container.getProperty(name).map(Property::getValue).orElse(null);
    }

    HttpResponse<byte[]> feed(String url, String ifNoneMatch) {
        MutableHttpRequest<?> request = HttpRequest.GET(path(url));
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return http.exchange(request, byte[].class);
    }

    @Test
    @DisplayName("CAL-2 the private feed: text/calendar in UTF-8, valid RFC 5545, one event per booking, cancellations as STATUS:CANCELLED, ETag and 304")
    void feed() throws Exception {
        Map<?, ?> address = send(HttpRequest.GET(P + "/calendar"));
        String url = (String) address.get("url");
        assertThat(url).endsWith(".ics").contains("/api/public/calendars/");
        assertThat((String) address.get("webcalUrl")).startsWith("webcal://").endsWith(path(url));
        assertThat((String) address.get("googleUrl")).startsWith("https://calendar.google.com/calendar/r?cid=webcal%3A%2F%2F");
        assertThat(send(HttpRequest.GET(P + "/calendar")).get("url")).as("the same address until rotated").isEqualTo(url);
        String token = path(url).substring(path(url).lastIndexOf('/') + 1).replace(".ics", "");
        assertThat(java.util.Base64.getUrlDecoder().decode(token)).hasSizeGreaterThanOrEqualTo(16);

        Map<?, ?> chloe = book("Chloe", 9);
        Map<?, ?> paul = book("Paul", 10);
        String paulsLink = (String) paul.get("clientLink");
        http.exchange(HttpRequest.POST(P + "/bookings/" + chloe.get("id") + "/confirm", Map.of())
                .header("Idempotency-Key", "confirm-" + suffix).bearerAuth(anna));

        HttpResponse<byte[]> first = feed(url, null);
        assertThat(first.getStatus().getCode()).isEqualTo(200);
        assertThat(first.getContentType().orElseThrow().toString()).isEqualTo("text/calendar; charset=utf-8");
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");
        Calendar calendar = parseStrictly(new String(first.body(), StandardCharsets.UTF_8));
        assertThat(value(calendar, "X-WR-CALNAME")).contains("Practitioner anna-" + suffix);
        List<VEvent> events = calendar.getComponents("VEVENT");
        assertThat(events).extracting(e -> value(e, Property.STATUS)).containsExactly("CONFIRMED", "TENTATIVE");
        assertThat(events).extracting(e -> value(e, Property.UID)).allMatch(uid -> uid.startsWith("booking-"));

        HttpResponse<byte[]> unchanged = feed(url, etag);
        assertThat(unchanged.getStatus().getCode()).isEqualTo(304);
        assertThat(unchanged.header("ETag")).isEqualTo(etag);
        assertThat(feed(url, "W/" + etag + ", \"other\"").getStatus().getCode()).isEqualTo(304);
        assertThat(problemBody(failure(http, HttpRequest.GET(path(url)).header("If-None-Match", "no quotes")), 400))
                .contains("If-None-Match");

        // The client cancels: the event stays, CANCELLED, with a higher SEQUENCE, and the ETag changes.
        http.exchange(HttpRequest.POST("/api/public/bookings/" + paulsLink.substring(paulsLink.lastIndexOf('/') + 1)
                + "/cancel", Map.of()).header("Idempotency-Key", "cancel-" + suffix));
        HttpResponse<byte[]> changed = feed(url, etag);
        assertThat(changed.getStatus().getCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        List<VEvent> after = parseStrictly(new String(changed.body(), StandardCharsets.UTF_8)).getComponents("VEVENT");
        assertThat(after).extracting(e -> value(e, Property.STATUS)).containsExactly("CONFIRMED", "CANCELLED");
        assertThat(value(after.get(1), Property.UID)).isEqualTo(value(events.get(1), Property.UID));
        assertThat(Integer.parseInt(value(after.get(1), Property.SEQUENCE)))
                .isGreaterThan(Integer.parseInt(value(events.get(1), Property.SEQUENCE)));
    }

    @Test
    @DisplayName("CAL-2 rotating the feed's address revokes the old one at once (404)")
    void rotation() {
        String old = (String) send(HttpRequest.GET(P + "/calendar")).get("url");
        assertThat(feed(old, null).getStatus().getCode()).isEqualTo(200);

        String fresh = (String) send(HttpRequest.POST(P + "/calendar/rotate", Map.of())).get("url");

        assertThat(fresh).isNotEqualTo(old);
        assertThat(problemBody(failure(http, HttpRequest.GET(path(old))), 404)).contains("problems/not-found");
        assertThat(feed(fresh, null).getStatus().getCode()).isEqualTo(200);
        assertThat(problemBody(failure(http, HttpRequest.GET("/api/public/calendars/nope.ics")), 404))
                .contains("problems/not-found");
    }

    @Test
    @DisplayName("CAL-2 the feed address needs the practitioner's session")
    void ownAddressNeedsASession() {
        assertThat(failure(http, HttpRequest.GET(P + "/calendar")).getStatus().getCode()).isEqualTo(401);
    }

    @Test
    @DisplayName("CAL-1 add to my calendar: the client's link gives the booking as an .ics download")
    void clientsIcs() throws Exception {
        Map<?, ?> chloe = book("Chloe", 11);
        String link = (String) chloe.get("clientLink");
        String token = link.substring(link.lastIndexOf('/') + 1);

        HttpResponse<byte[]> ics = http.exchange(HttpRequest.GET("/api/public/bookings/" + token + "/calendar.ics"), byte[].class);

        assertThat(ics.getContentType().orElseThrow().toString()).isEqualTo("text/calendar; charset=utf-8");
        assertThat(ics.header("Content-Disposition")).isEqualTo("attachment; filename=\"rendez-vous.ics\"");
        VEvent event = parseStrictly(new String(ics.body(), StandardCharsets.UTF_8)).<VEvent>getComponent("VEVENT").orElseThrow();
        assertThat(value(event, Property.UID)).isEqualTo("booking-" + chloe.get("id") + "@example.org");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Shiatsu – Practitioner anna-" + suffix + "@example.org");
        assertThat(value(event, Property.URL)).endsWith("/b/" + token);
        assertThat(problemBody(failure(http, HttpRequest.GET("/api/public/bookings/" + "x".repeat(30) + "/calendar.ics")), 404))
                .contains("problems/not-found");
    }
}
