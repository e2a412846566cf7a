package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * Issue 14 item 3 (the other way of CAL-2): the practitioner's own calendar in the dashboard's Calendar section, in a
 * real headless Chromium (the shared {@link Browser}: phone and desktop, axe-core at each state). The practitioner
 * gives the secret address of a feed served by a local HTTP server, its busy time removes a start time from the public
 * page, a failing feed's problem is shown as a sentence for people (in French, then in English after the switch), and
 * the address is removed.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class CalendarImportBrowserTest extends DashboardBrowserSupport {

    static final DateTimeFormatter UTC_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    final AtomicInteger answer = new AtomicInteger(200);
    HttpServer feed;
    LocalDate day;

    /** A calendar server of the practitioner's: one busy hour, 10:00 to 11:00 in Paris, on the day of the opening. */
    @BeforeEach
    void startFeed() throws IOException {
        day = LocalDate.now(PARIS).plusDays(10);
        String from = day.atTime(10, 0).atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC).format(UTC_STAMP);
        String to = day.atTime(11, 0).atZone(PARIS).withZoneSameInstant(ZoneOffset.UTC).format(UTC_STAMP);
        byte[] body = ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:busy-1\r\n"
                + "DTSTAMP:20261101T000000Z\r\nDTSTART:" + from + "\r\nDTEND:" + to + "\r\nSUMMARY:Dentist\r\n"
                + "END:VEVENT\r\nEND:VCALENDAR\r\n").getBytes(StandardCharsets.UTF_8);
        feed = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        feed.createContext("/private/basic.ics", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(answer.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        feed.start();
    }

    @AfterEach
    void stopFeed() {
        feed.stop(0);
    }

    /** The start times the public page offers on the day of the opening. */
    List<String> publicStartTimes(String slug) {
        browser.get(base + "/p/" + slug);
        byId("date");
        ((JavascriptExecutor) browser).executeScript(
                "const d = document.getElementById('date'); d.value = arguments[0];"
                        + " d.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " d.dispatchEvent(new Event('change', {bubbles: true}));", day.toString());
        waiting.until(d -> !d.findElements(By.cssSelector("#slots button")).isEmpty()
                && d.findElements(By.cssSelector("#slots button")).stream().anyMatch(b -> b.getText().equals("09:00")));
        return browser.findElements(By.cssSelector("#slots button")).stream().map(WebElement::getText).toList();
    }

    void calendarTab(Browser.Window window, String what) {
        tab("tab-calendar");
        byId("calendar-import-panel");
        waiting.until(d -> !d.findElements(By.id("calendar-import-state")).isEmpty());
        chromium.assertAccessible("the own calendar panel " + what + " on a " + window);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("CAL-2 issue 14.3 the own calendar's address, in French then English: its busy time removes a start time"
            + " from the public page, a failing feed is shown as a sentence for people, and the address is removed")
    void ownCalendarBlocksThePublicPage(Browser.Window window) {
        chromium.use(window);
        String email = unique("nina");
        String session = practitioner(email);
        String slug = "nina-" + UUID.randomUUID().toString().substring(0, 8);
        send(session, HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "name", "Nina")));
        send(session, HttpRequest.PUT(P + "/settings", Map.of("confirmation", "AUTOMATIC")));
        send(session, HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody("Shiatsu", 60)));
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", day.toString(), "start", "09:00", "end", "12:00")));
        assertThat(publicStartTimes(slug)).contains("09:00", "10:00", "11:00");

        // French (the default): link the calendar.
        logIn(email, "fr");
        calendarTab(window, "without a calendar");
        assertThat(textOf("calendar-import-state", "Aucun agenda")).isEqualTo("Aucun agenda n'est encore relié.");
        String address = "http://127.0.0.1:" + feed.getAddress().getPort() + "/private/basic.ics";
        type("calendar-import-address", address);
        byId("calendar-import-save").click();
        assertThat(textOf("calendar-import-state", "Périodes occupées prises en compte : 1"))
                .contains("http://127.0.0.1").doesNotContain("private");
        assertThat(textOf("calendar-import-status", "enregistrée")).isEqualTo("Adresse enregistrée.");
        chromium.assertAccessible("the own calendar panel with a linked calendar on a " + window);

        // The busy hour is no longer offered on the public page; the hours around it are.
        assertThat(publicStartTimes(slug)).contains("09:00", "11:00").doesNotContain("10:00");

        // The feed fails: the problem in words, and the busy times read last still apply.
        browser.get(base + "/dashboard");
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        calendarTab(window, "with a linked calendar");
        answer.set(500);
        byId("calendar-import-refresh").click();
        assertThat(textOf("calendar-import-failure", "refusé")).contains("Dernier échec :")
                .contains("le serveur de l'agenda a refusé la demande ; vérifiez l'adresse.").contains("(500)");
        assertThat(textOf("calendar-import-status", "pas pu être lu")).contains("restent pris en compte");
        chromium.assertAccessible("the own calendar panel with a failure in French on a " + window);
        assertThat(publicStartTimes(slug)).doesNotContain("10:00");

        // English, through the switch: the same failure in English; then remove the address.
        browser.get(base + "/dashboard");
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        clickable(By.id("language-en")).click();
        waiting.until(d -> {
            try { // the switch reloads the page: an element read meanwhile may go stale
                return "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                        && "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
        calendarTab(window, "with a failure in English");
        assertThat(textOf("calendar-import-failure", "refused")).contains("Last failure:")
                .contains("the calendar server refused the request; check the address.").contains("(500)");
        byId("calendar-import-remove").click();
        assertThat(textOf("calendar-import-state", "No calendar")).isEqualTo("No calendar is linked yet.");
        assertThat(textOf("calendar-import-status", "unlinked"))
                .isEqualTo("Calendar unlinked: its busy times no longer block anything.");
        chromium.assertAccessible("the own calendar panel after removing the address on a " + window);
        assertThat(publicStartTimes(slug)).contains("09:00", "10:00", "11:00");
    }
}
