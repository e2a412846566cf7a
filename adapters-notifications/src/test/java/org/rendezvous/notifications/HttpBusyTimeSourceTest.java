package org.rendezvous.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.TimeRange;
import org.rendezvous.core.calendar.CalendarAddress;
import org.rendezvous.core.calendar.FetchFailure;
import org.rendezvous.core.port.BusyTimeSource;
import org.rendezvous.core.port.BusyTimeSource.Fetch;

/** Issue 14 item 3: fetching a practitioner's own calendar over real HTTP from a local server. */
class HttpBusyTimeSourceTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2027-01-01T00:00:00Z");
    static final String ICS = BusyTimeParserTest.calendar("""
            UID:one
            DTSTAMP:20261101T000000Z
            DTSTART:20261204T080000Z
            DTEND:20261204T090000Z
            """);

    private HttpServer server;
    private final Map<String, String> lastHeaders = new ConcurrentHashMap<>();
    private final HttpBusyTimeSource source = new HttpBusyTimeSource(
            new HttpBusyTimeSource.Settings(Duration.ofSeconds(2), Duration.ofMillis(600), 4096));

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/cal.ics", exchange -> {
            remember(exchange);
            if ("\"v1\"".equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                exchange.getResponseHeaders().add("ETag", "\"v1\"");
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", "\"v1\"");
            exchange.getResponseHeaders().add("Last-Modified", "Tue, 01 Dec 2026 08:00:00 GMT");
            send(exchange, 200, "text/calendar", ICS);
        });
        server.createContext("/slow.ics", exchange -> {
            sleep(2000);
            send(exchange, 200, "text/calendar", ICS);
        });
        server.createContext("/slow-body.ics", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                sleep(2000);
            } catch (IOException closedByClient) {
                // expected: the client gave up
            }
        });
        server.createContext("/error.ics", exchange -> send(exchange, 500, "text/plain", "boom"));
        server.createContext("/page.ics", exchange -> send(exchange, 200, "text/html", "<html>Sign in</html>"));
        server.createContext("/huge.ics", exchange -> send(exchange, 200, "text/calendar", ICS + "X".repeat(5000)));
        server.createContext("/huge-chunked.ics", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("BEGIN:VCALENDAR\r\n" + "X".repeat(8000)).getBytes(StandardCharsets.UTF_8));
            } catch (IOException closedByClient) {
                // the client may stop reading at the limit
            }
        });
        server.createContext("/moved.ics", exchange -> redirect(exchange, "/cal.ics"));
        server.createContext("/loop.ics", exchange -> redirect(exchange, "/loop.ics"));
        server.createContext("/to-plain-http.ics", exchange -> redirect(exchange, "http://calendar.example.org/x.ics"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void remember(HttpExchange exchange) {
        lastHeaders.clear();
        exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), v.get(0)));
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void redirect(HttpExchange exchange, String location) throws IOException {
        exchange.getResponseHeaders().add("Location", location);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Fetch fetch(String path, Optional<String> etag, Optional<String> lastModified) {
        CalendarAddress address = new CalendarAddress("http://127.0.0.1:" + server.getAddress().getPort() + path);
        return source.fetch(new BusyTimeSource.Request(address, etag, lastModified, PARIS, FROM, TO));
    }

    private Fetch fetch(String path) {
        return fetch(path, Optional.empty(), Optional.empty());
    }

    private static void failedWith(Fetch fetch, FetchFailure reason) {
        assertThat(fetch).isInstanceOf(Fetch.Failed.class);
        assertThat(((Fetch.Failed) fetch).reason()).isEqualTo(reason);
    }

    @Test
    @DisplayName("issue 14.3 a calendar is read with its validators; sent back, they answer 304 (the busy periods are kept)")
    void readThenNotModified() {
        Fetch first = fetch("/cal.ics");
        assertThat(first).isEqualTo(new Fetch.Read(List.of(new TimeRange(Instant.parse("2026-12-04T08:00:00Z"),
                Instant.parse("2026-12-04T09:00:00Z"))), Optional.of("\"v1\""), Optional.of("Tue, 01 Dec 2026 08:00:00 GMT")));

        Fetch second = fetch("/cal.ics", Optional.of("\"v1\""), Optional.of("Tue, 01 Dec 2026 08:00:00 GMT"));
        assertThat(second).isEqualTo(new Fetch.NotModified());
        assertThat(lastHeaders).containsEntry("if-none-match", "\"v1\"")
                .containsEntry("if-modified-since", "Tue, 01 Dec 2026 08:00:00 GMT");
    }

    @Test
    @DisplayName("issue 14.3 a slow server (no answer, or a body that never ends) is a timeout, not a wait")
    void slow() {
        long started = System.nanoTime();
        failedWith(fetch("/slow.ics"), FetchFailure.TIMEOUT);
        failedWith(fetch("/slow-body.ics"), FetchFailure.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(3500));
    }

    @Test
    @DisplayName("issue 14.3 an HTTP error, a page that is not a calendar, a calendar too large are failures with their reason")
    void failures() {
        Fetch error = fetch("/error.ics");
        failedWith(error, FetchFailure.HTTP_STATUS);
        assertThat(((Fetch.Failed) error).detail()).isEqualTo("500");
        failedWith(fetch("/page.ics"), FetchFailure.NOT_A_CALENDAR);
        failedWith(fetch("/huge.ics"), FetchFailure.TOO_LARGE);
        failedWith(fetch("/huge-chunked.ics"), FetchFailure.TOO_LARGE);
        failedWith(fetch("/missing.ics"), FetchFailure.HTTP_STATUS);
    }

    @Test
    @DisplayName("issue 14.3 redirects are followed a few times, only to allowed addresses")
    void redirects() {
        assertThat(fetch("/moved.ics")).isInstanceOf(Fetch.Read.class);
        failedWith(fetch("/loop.ics"), FetchFailure.TOO_MANY_REDIRECTS);
        failedWith(fetch("/to-plain-http.ics"), FetchFailure.TOO_MANY_REDIRECTS);
    }

    @Test
    @DisplayName("issue 14.3 nobody listening is an unreachable calendar")
    void unreachable() throws IOException {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Fetch fetch = source.fetch(new BusyTimeSource.Request(new CalendarAddress("http://127.0.0.1:" + port + "/x.ics"),
                Optional.empty(), Optional.empty(), PARIS, FROM, TO));
        failedWith(fetch, FetchFailure.UNREACHABLE);
    }
}
