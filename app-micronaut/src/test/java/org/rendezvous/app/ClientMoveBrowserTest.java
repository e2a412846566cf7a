package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.app.ClientAccountsTestSupport.Agenda;
import org.rendezvous.core.port.Stores;

/**
 * Moving a booking from the client's account page /client/bookings in a real headless Chromium (BK-7, CLI-2,
 * issue 14 item 4): follow the sign-in link of the e-mail, pick another free time of the same day, and both the page
 * and the API show the new time; a move the practitioner's rules refuse (asked after the cancellation deadline)
 * shows the catalog's sentence, never the API's English detail. On a phone and on a desktop, each state checked
 * with axe-core.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientMoveBrowserTest implements TestPropertyProvider {

    @RegisterExtension
    static final Browser chromium = new Browser();

    final GreenMail mail = ClientAccountsTestSupport.startMail();
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

    @Override
    public Map<String, String> getProperties() {
        return new HashMap<>(ClientAccountsTestSupport.mailProperties(mail));
    }

    @AfterAll
    void stopMail() {
        mail.stop();
    }

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String textOf(String id, String expectedPart) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expectedPart));
        return browser.findElement(By.id(id)).getText();
    }

    By inCard(Object bookingId, String css) {
        return By.cssSelector("li[data-booking-id='" + bookingId + "'] " + css);
    }

    /** The visible button with this text in the card of this booking. */
    WebElement buttonIn(Object bookingId, String text) {
        return waiting.until(d -> d.findElements(inCard(bookingId, "button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals(text)).findFirst().orElse(null));
    }

    String card(Object bookingId) {
        return browser.findElement(inCard(bookingId, "")).getText();
    }

    /** Opens the move box of a booking and chooses a date as a person does (typing into a date input depends on the locale). */
    void moveBoxOn(Object bookingId, String date) {
        buttonIn(bookingId, "Déplacer").click();
        WebElement field = byId("move-date-" + bookingId);
        assertThat(browser.switchTo().activeElement()).isEqualTo(field);
        ((JavascriptExecutor) browser).executeScript(
                "const d = arguments[0]; d.value = arguments[1]; d.dispatchEvent(new Event('change', {bubbles: true}));",
                field, date);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("BK-7 CLI-2 the account page moves a booking to another free time (page and API show it);"
            + " a move after the cancellation deadline shows a sentence for people, not the API's detail")
    void moveFromTheAccountPage(Browser.Window window) {
        http = client.toBlocking();
        browser = chromium.driver();
        waiting = chromium.waiting();
        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        base = "http://localhost:" + server.getPort();
        String email = "marc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        Agenda bruno = ClientAccountsTestSupport.agenda(http, stores, "Bruno");
        // Bruno's free cancellation (and so moving, BK-7) ends fifteen days before: his booking, ten days ahead, is past it.
        http.exchange(HttpRequest.PUT(ClientAccountsTestSupport.P + "/settings",
                Map.of("cancellationDeadlineMinutes", 15 * 24 * 60)).bearerAuth(bruno.session()));
        Object atAnna = ClientAccountsTestSupport.book(http, anna, "Marc Petit", email, LocalTime.of(9, 0)).get("id");
        Object atBruno = ClientAccountsTestSupport.book(http, bruno, "Marc Petit", email, LocalTime.of(9, 0)).get("id");

        http.exchange(HttpRequest.POST("/api/client/sign-in", Map.of("email", email)));
        chromium.use(window);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        browser.get(base + ClientAccountsTestSupport.signInLink(mail, email, 1));
        waiting.until(ExpectedConditions.urlContains("/client/bookings"));
        textOf("upcoming", "avec Bruno");
        assertThat(card(atAnna)).contains("09:00");

        // Anna's booking: another free time of the same day.
        moveBoxOn(atAnna, anna.date().toString());
        WebElement eleven = waiting.until(ExpectedConditions.elementToBeClickable(
                inCard(atAnna, "button[aria-label='Choisir 11:00']")));
        assertThat(browser.findElements(inCard(atAnna, "button[aria-label='Choisir 09:00']"))).isEmpty();
        chromium.assertAccessible("/client/bookings with the free times to move to on a " + window);
        eleven.click();
        assertThat(textOf("notice", "déplacé")).isEqualTo("Le rendez-vous est déplacé.");
        waiting.until(d -> card(atAnna).contains("11:00"));
        assertThat(card(atAnna)).doesNotContain("09:00").contains("Confirmé");
        Map<?, ?> moved = http.retrieve(HttpRequest.GET(ClientAccountsTestSupport.P + "/bookings/" + atAnna)
                .bearerAuth(anna.session()), Map.class);
        Instant eleventh = anna.date().atTime(11, 0).atZone(ClientAccountsTestSupport.PARIS).toInstant();
        assertThat(Instant.parse(String.valueOf(moved.get("start"))))
                .isEqualTo(eleventh);

        // Bruno's booking: the rules refuse the move; the card says why in words for people.
        moveBoxOn(atBruno, bruno.date().toString());
        waiting.until(ExpectedConditions.elementToBeClickable(inCard(atBruno, "button[aria-label='Choisir 10:00']"))).click();
        WebElement error = waiting.until(ExpectedConditions.visibilityOfElementLocated(inCard(atBruno, "p.error")));
        waiting.until(d -> !error.getText().isBlank());
        assertThat(error.getText()).isEqualTo("Il est trop tard pour déplacer ce rendez-vous.");
        assertThat(card(atBruno)).contains("09:00").doesNotContain("deadline").doesNotContain("move");
        chromium.assertAccessible("/client/bookings with a refused move on a " + window);
        Map<?, ?> kept = http.retrieve(HttpRequest.GET(ClientAccountsTestSupport.P + "/bookings/" + atBruno)
                .bearerAuth(bruno.session()), Map.class);
        assertThat(Instant.parse(String.valueOf(kept.get("start"))))
                .isEqualTo(bruno.date().atTime(9, 0).atZone(ClientAccountsTestSupport.PARIS).toInstant());
    }
}
