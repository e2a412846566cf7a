package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.core.port.Stores;

/**
 * What the dashboard's browser tests share (issue 14, items 2 and 5): one headless Chromium per class (the shared
 * {@link Browser} extension: phone and desktop windows, axe-core), the app on a random port in memory mode, and helpers to log in with a chosen
 * language, fill forms as a person does and call the API.
 */
abstract class DashboardBrowserSupport {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";
    static final String PASSWORD = "a long enough password";

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

    @Inject
    Clock clock;

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

    // Helpers

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    WebElement clickable(By by) {
        return waiting.until(ExpectedConditions.elementToBeClickable(by));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    /** Sets a date, time or select as a person does (typing into date and time inputs depends on the locale). */
    void set(String id, String value) {
        byId(id);
        ((JavascriptExecutor) browser).executeScript(
                "const d = document.getElementById(arguments[0]); d.value = arguments[1];"
                        + " d.dispatchEvent(new Event('input', {bubbles: true}));"
                        + " d.dispatchEvent(new Event('change', {bubbles: true}));", id, value);
    }

    String textOf(String id, String expectedPart) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expectedPart));
        return browser.findElement(By.id(id)).getText();
    }

    /** The text an element comes to show, whatever it is (the problem sentences belong to the shared catalog). */
    String someText(String id) {
        waiting.until(d -> !d.findElement(By.id(id)).getText().isBlank());
        return browser.findElement(By.id(id)).getText();
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Map<?, ?> send(String session, MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(session), Map.class);
    }

    List<Map> list(String session, String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(session), Argument.listOf(Map.class));
    }

    /** A registered practitioner (Europe/Paris); answers the API session. */
    String practitioner(String email) {
        return AccountsTestSupport.session(http, stores, email, PASSWORD);
    }

    /** Logs in in the browser with the page's language chosen by the visitor (the language switch's memory). */
    void logIn(String email, String language) {
        browser.get(base + "/login");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('rendezvous.lang', arguments[0])", language);
        type("email", email);
        type("password", PASSWORD);
        byId("submit").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard"));
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    void tab(String id) {
        clickable(By.id(id)).click();
    }

    /** Opens a tab and checks it with axe-core in the window the flow runs in (issue 14 item 5). */
    void tab(String id, Browser.Window window) {
        tab(id);
        chromium.assertAccessible("the dashboard's " + id + " on a " + window);
    }

    Map<?, ?> bookThroughApi(String practitionerId, String activityId, LocalDate date, LocalTime at, String name, String email) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + practitionerId + "/bookings", Map.of(
                        "activityId", activityId, "start", date.atTime(at).atZone(PARIS).toInstant().toString(),
                        "mode", "IN_PERSON", "client", Map.of("name", name, "email", email, "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", UUID.randomUUID().toString()), Map.class);
    }

}
