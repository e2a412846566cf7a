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
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.app.ClientAccountsTestSupport.Agenda;
import org.rendezvous.core.port.Stores;

/**
 * The client account in a real headless Chromium (CLI-2, BK-1, issue 14 item 4): ask for a link on /client, follow
 * it from the e-mail the SMTP server received, see the bookings with two practitioners, cancel one, find the
 * public page's form filled in, download the data and erase it; in French, then in English, on a phone and on a
 * desktop (the shared {@link Browser}, each page checked with axe-core).
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "micronaut.http.client.read-timeout", value = "60s")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientPagesBrowserTest implements TestPropertyProvider {

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

    void open(String path) {
        browser.get(base + path);
    }

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    String textOf(String id, String expectedPart) {
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), expectedPart));
        return browser.findElement(By.id(id)).getText();
    }

    /** The visible button with this text in the card of this booking. */
    WebElement buttonIn(Object bookingId, String text) {
        return waiting.until(d -> d.findElements(By.cssSelector("li[data-booking-id='" + bookingId + "'] button")).stream()
                .filter(b -> b.isDisplayed() && b.getText().trim().equals(text)).findFirst().orElse(null));
    }

    String card(Object bookingId) {
        return byId("account").findElement(By.cssSelector("li[data-booking-id='" + bookingId + "']")).getText();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("CLI-2 BK-1 CX-2 ask a link, follow it from the e-mail, see bookings with two practitioners, cancel one,"
            + " book with details prefilled, download the data, then erase it once nothing is upcoming (FR, then EN)")
    void clientAccountJourney(Browser.Window window) {
        http = client.toBlocking();
        browser = chromium.driver();
        waiting = chromium.waiting();
        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        base = "http://localhost:" + server.getPort();
        String email = "claire-" + UUID.randomUUID().toString().substring(0, 8) + "@example.net";
        Agenda anna = ClientAccountsTestSupport.agenda(http, stores, "Anna");
        Agenda bruno = ClientAccountsTestSupport.agenda(http, stores, "Bruno");
        Object atAnna = ClientAccountsTestSupport.book(http, anna, "Claire Martin", email, LocalTime.of(9, 0)).get("id");
        Object atBruno = ClientAccountsTestSupport.book(http, bruno, "Claire Martin", email, LocalTime.of(10, 0)).get("id");

        // French: ask for the link.
        chromium.use(window);
        open("/");
        browser.manage().deleteAllCookies();
        open("/client");
        byId("lang-fr").click();
        waiting.until(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        assertThat(byId("ask-submit").getText()).isEqualTo("Recevoir le lien");
        chromium.assertAccessible("/client on a " + window);
        byId("ask-submit").click();
        assertThat(textOf("ask-error", "valable")).isEqualTo("Saisissez une adresse e-mail valable.");
        byId("email").sendKeys(email);
        byId("ask-submit").click();
        assertThat(textOf("ask-done", "lien de connexion")).startsWith("Si cette adresse a déjà servi à réserver");
        chromium.assertAccessible("/client after asking a link on a " + window);

        // Follow the link of the e-mail the SMTP server received: the account shows both practitioners.
        open(ClientAccountsTestSupport.signInLink(mail, email, 1));
        waiting.until(ExpectedConditions.urlContains("/client/bookings"));
        textOf("upcoming", "avec Bruno");
        assertThat(byId("upcoming").getText()).contains("avec Anna").contains("Confirmé").contains("60,00 €")
                .contains("Rien n'a été payé en ligne.");
        assertThat(textOf("who", email)).isEqualTo("Connecté avec " + email);
        chromium.assertAccessible("/client/bookings on a " + window);

        // Cancel Anna's booking, early: nothing is charged (CX-2).
        buttonIn(atAnna, "Annuler ce rendez-vous").click();
        assertThat(card(atAnna)).contains("Annulation gratuite jusqu'au");
        buttonIn(atAnna, "Confirmer l'annulation").click();
        assertThat(textOf("notice", "annulé")).isEqualTo("Le rendez-vous est annulé.");
        textOf("past", "Annulé par vous");
        assertThat(byId("upcoming").getText()).contains("avec Bruno").doesNotContain("avec Anna");

        // BK-1: Anna's public page fills the form in with the client's details.
        open("/p/" + anna.slug());
        waiting.until(d -> "Claire Martin".equals(d.findElement(By.id("client-name")).getDomProperty("value")));
        assertThat(browser.findElement(By.id("client-email")).getDomProperty("value")).isEqualTo(email);
        assertThat(browser.findElement(By.id("client-phone")).getDomProperty("value")).isEqualTo("+33612345678");
        assertThat(waiting.until(ExpectedConditions.presenceOfElementLocated(By.id("client-prefill-note")))
                .getDomProperty("textContent"))
                .isEqualTo("Vos coordonnées ont été remplies depuis votre espace client.");

        // English: download, then erase (refused while Bruno's booking is upcoming).
        open("/client/bookings");
        byId("lang-en").click();
        textOf("past", "Cancelled by you");
        assertThat(byId("upcoming").getText()).contains("with Bruno").contains("Confirmed").contains("€60.00");
        byId("download").click();
        assertThat(textOf("download-done", "2")).isEqualTo("File downloaded: 2 bookings.");
        byId("erase").click();
        assertThat(textOf("erase-error", "box")).isEqualTo("Tick the box to confirm.");
        byId("erase-understand").click();
        byId("erase").click();
        assertThat(textOf("erase-error", "upcoming")).isEqualTo("You still have upcoming bookings: cancel them first, then erase your data.");
        chromium.assertAccessible("/client/bookings in English with a refusal on a " + window);
        buttonIn(atBruno, "Cancel this booking").click();
        buttonIn(atBruno, "Confirm the cancellation").click();
        textOf("notice", "The booking is cancelled.");
        waiting.until(d -> d.findElement(By.id("upcoming")).getText().contains("No bookings."));
        assertThat(byId("erase-understand").isSelected()).isTrue();
        byId("erase").click();
        assertThat(textOf("notice", "erased")).isEqualTo(
                "Your data was erased (2 bookings anonymised). Your client account no longer exists.");

        // The session ended: the account page now asks for a link; the practitioners keep only anonymous records.
        open("/client/bookings");
        byId("signed-out");
        chromium.assertAccessible("/client/bookings signed out on a " + window);
        String clients = http.retrieve(HttpRequest.GET(ClientAccountsTestSupport.P + "/clients").bearerAuth(bruno.session()),
                String.class);
        assertThat(clients).doesNotContain(email).contains("Erased client");
        assertThat(List.of(atAnna, atBruno)).hasSize(2);
    }
}
