package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.core.port.Stores;

/**
 * CAL-2 and CAL-1 in a real headless Chromium (the shared {@link Browser}: phone and desktop, axe-core): the
 * dashboard's Calendar section in French (address, copy, instructions, rotation) and "add to my calendar" on the
 * client's link page in English.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class CalendarBrowserTest {

    @RegisterExtension
    static final Browser chromium = new Browser();

    WebDriver browser;
    WebDriverWait waiting;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    BlockingHttpClient http;
    String base;

    @BeforeEach
    void desktopWindowWithoutSession() {
        http = client.toBlocking();
        browser = chromium.driver();
        waiting = chromium.waiting();
        base = "http://localhost:" + server.getPort();
        chromium.use(Browser.Window.DESKTOP);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
    }

    void language(String code) {
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('rendezvous.lang', arguments[0])", code);
    }

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String textOf(String id, String expectedPart) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expectedPart));
        return browser.findElement(By.id(id)).getText();
    }

    void logInInBrowser(String email, String password) {
        browser.get(base + "/login");
        byId("email").sendKeys(email);
        byId("password").sendKeys(password);
        byId("submit").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard"));
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    int status(String url) {
        try {
            return http.exchange(HttpRequest.GET(URI.create(url).getRawPath()), byte[].class).getStatus().getCode();
        } catch (HttpClientResponseException e) {
            return e.getStatus().getCode();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("CAL-2 the dashboard's Calendar section, in French: the private address with copy buttons and the steps"
            + " for Google, Apple and Outlook; changing the address revokes the old one")
    void dashboardCalendarInFrench(Browser.Window window) {
        String email = WebPagesBrowserTest.unique("anna");
        AccountsTestSupport.session(http, stores, email, "anna's long password");
        language("fr");
        chromium.use(window);
        logInInBrowser(email, "anna's long password");

        byId("tab-calendar").click();
        assertThat(textOf("calendar-title", "Google")).isEqualTo("Votre agenda dans Google, Apple ou Outlook");
        assertThat(byId("tab-calendar").getText()).isEqualTo("Agenda externe");
        chromium.assertAccessible("the dashboard's Calendar section on a " + window);
        WebElement url = byId("calendar-url");
        String old = url.getDomProperty("value");
        assertThat(old).contains("/api/public/calendars/").endsWith(".ics");
        assertThat(byId("calendar-webcal").getDomProperty("value")).startsWith("webcal://").endsWith(URI.create(old).getPath());
        assertThat(byId("calendar-instructions").getText()).contains("Google Agenda").contains("Apple Calendar")
                .contains("Outlook").contains("S'abonner à partir du web");
        assertThat(byId("calendar-google").getDomAttribute("href")).startsWith("https://calendar.google.com/calendar/r?cid=webcal");
        assertThat(status(old)).isEqualTo(200);
        byId("calendar-url-copy").click();
        assertThat(textOf("calendar-status", "copiée")).isEqualTo("Adresse copiée.");

        byId("calendar-rotate").click();
        assertThat(textOf("calendar-status", "Nouvelle adresse")).startsWith("Nouvelle adresse créée");
        String fresh = byId("calendar-url").getDomProperty("value");
        assertThat(fresh).isNotEqualTo(old);
        assertThat(status(old)).isEqualTo(404);
        assertThat(status(fresh)).isEqualTo(200);
        chromium.assertAccessible("the Calendar section after a rotation on a " + window);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("CAL-1 the client's link page, in English, offers the booking as an .ics to add to their calendar")
    void linkPageAddToCalendarInEnglish(Browser.Window window) {
        String email = WebPagesBrowserTest.unique("lea");
        String session = AccountsTestSupport.session(http, stores, email, "lea's long password");
        String id = (String) http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(session), Map.class).get("id");
        String activityId = (String) http.retrieve(HttpRequest.POST("/api/practitioner/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60)).bearerAuth(session), Map.class).get("id");
        java.time.LocalDate date = java.time.LocalDate.now(WebPagesBrowserTest.PARIS).plusDays(10);
        http.retrieve(HttpRequest.POST("/api/practitioner/openings", Map.of("date", date.toString(), "start", "09:00",
                "end", "12:00")).bearerAuth(session), Map.class);
        Map<?, ?> booking = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + id + "/bookings", Map.of(
                        "activityId", activityId, "start", date.atTime(LocalTime.of(9, 0)).atZone(WebPagesBrowserTest.PARIS)
                                .toInstant().toString(), "mode", "IN_PERSON", "client", Map.of("name", "Camille Durand",
                                "email", WebPagesBrowserTest.unique("client"), "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString()), Map.class);
        String link = (String) booking.get("clientLink");
        language("en");
        chromium.use(window);
        browser.get(base + URI.create(link).getPath());

        WebElement add = byId("calendar-ics");
        assertThat(textOf("calendar-ics", "calendar")).isEqualTo("Add to my calendar");
        chromium.assertAccessible("the link page with \"add to my calendar\" on a " + window);
        String href = add.getDomProperty("href");
        assertThat(href).endsWith("/calendar.ics");
        HttpResponse<byte[]> ics = http.exchange(HttpRequest.GET(URI.create(href).getRawPath()), byte[].class);
        assertThat(new String(ics.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("BEGIN:VEVENT")
                .contains("UID:booking-" + booking.get("id"));
    }
}
