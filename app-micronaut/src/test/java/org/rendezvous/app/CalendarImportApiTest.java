package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.app.ops.CalendarImportJob;
import org.rendezvous.core.port.Stores;

/** Issue 14 item 3 through the host: the practitioner's own calendar, fetched by the job, blocks availability. */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class CalendarImportApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";
    static final String IMPORT = P + "/calendar/import";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    CalendarImportJob job;

    BlockingHttpClient http;
    HttpServer calendarServer;
    final AtomicInteger status = new AtomicInteger(200);
    String anna;
    String annaId;
    String activityId;
    LocalDate monday;
    String suffix;

    @BeforeEach
    void agenda() throws IOException {
        http = client.toBlocking();
        suffix = UUID.randomUUID().toString().substring(0, 8);
        anna = AccountsTestSupport.session(http, stores, "anna-" + suffix + "@example.org", "anna's long password");
        annaId = (String) send(HttpRequest.GET(P + "/profile")).get("id");
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        activityId = (String) send(HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody("Shiatsu", 60)))
                .get("id");
        send(HttpRequest.POST(P + "/openings", Map.of("day", "MONDAY", "validFrom", LocalDate.now(PARIS).toString(),
                "start", "09:00", "end", "12:00")));
        String day = monday.format(DateTimeFormatter.BASIC_ISO_DATE);
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:dentist\r\n"
                + "DTSTAMP:20261101T000000Z\r\nDTSTART;TZID=Europe/Paris:" + day + "T100000\r\n"
                + "DTEND;TZID=Europe/Paris:" + day + "T103000\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        calendarServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        calendarServer.createContext("/secret/cal.ics", exchange -> {
            byte[] body = (status.get() == 200 ? ics : "oops").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        calendarServer.start();
    }

    @AfterEach
    void stop() {
        calendarServer.stop(0);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> send(MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(anna), Map.class);
    }

    String address() {
        return "http://127.0.0.1:" + calendarServer.getAddress().getPort() + "/secret/cal.ics";
    }

    List<?> slots() {
        Map<?, ?> availability = http.retrieve(HttpRequest.GET("/api/public/practitioners/" + annaId
                + "/availability?activityId=" + activityId + "&from=" + monday + "&to=" + monday), Map.class);
        return (List<?>) availability.get("slots");
    }

    @Test
    @DisplayName("issue 14.3 the job reads the own calendar: its busy time blocks the slot; a failure is shown and keeps it; removal frees it")
    void importBlocksAvailability() {
        assertThat(send(HttpRequest.GET(IMPORT))).containsEntry("subscribed", false).containsEntry("pollMinutes", 15);
        assertThat(slots()).hasSize(3);

        Map<String, Object> given = send(HttpRequest.PUT(IMPORT, Map.of("address", address())));
        assertThat(given).containsEntry("subscribed", true).containsEntry("busyPeriods", 0);
        assertThat((String) given.get("maskedAddress")).doesNotContain("secret").endsWith(".ics");

        job.refreshExternalCalendars();

        Map<String, Object> read = send(HttpRequest.GET(IMPORT));
        assertThat(read).containsEntry("busyPeriods", 1).doesNotContainKey("failure");
        assertThat(read.get("lastSuccessAt")).isNotNull();
        assertThat(slots()).as("10:00–11:00 overlaps the dentist at 10:00–10:30").hasSize(2);

        status.set(500);
        Map<String, Object> failed = send(HttpRequest.POST(IMPORT + "/refresh", ""));
        assertThat(failed).containsEntry("failure", "HTTP_STATUS").containsEntry("failureDetail", "500")
                .containsEntry("busyPeriods", 1);
        assertThat(slots()).as("the busy times last read still block").hasSize(2);

        HttpResponse<?> removed = http.exchange(HttpRequest.DELETE(IMPORT).bearerAuth(anna));
        assertThat(removed.getStatus().getCode()).isEqualTo(204);
        assertThat(slots()).hasSize(3);
        assertThat(send(HttpRequest.GET(IMPORT))).containsEntry("subscribed", false);
    }

    @Test
    @DisplayName("issue 14.3 an address that is not https (or http on this machine) is a 400 naming the field")
    void badAddresses() {
        for (String bad : List.of("http://calendar.example.org/x.ics", "ftp://example.org/x.ics", "not an address",
                "https://example.org/" + "a".repeat(2000), "")) {
            var refused = failure(http, HttpRequest.PUT(IMPORT, Map.of("address", bad)).bearerAuth(anna));
            assertThat(problemBody(refused, 400)).as(bad).contains("address");
        }
        problemBody(failure(http, HttpRequest.POST(IMPORT + "/refresh", "").bearerAuth(anna)), 404);
    }
}
