package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * The operator's batch list (/assets/operator-batches.js) in Chromium: mounted in a page of the app with an operator
 * session cookie, it lists a batch with its download link, and once the file is downloaded marks it sent with a
 * reason, shown as text only.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.bank-file.debtor-name", value = "Rendez-vous Santé SAS")
@Property(name = "rendezvous.bank-file.debtor-iban", value = "FR76 3000 6000 0112 3456 7890 189")
class OperatorBatchesBrowserTest {

    static final String XSS = "<img src=x onerror=\"document.title='pwned'\"> bank ref 4411";

    @RegisterExtension
    static final Browser chromium = new Browser();

    WebDriver browser;
    WebDriverWait waiting;

    @BeforeEach
    void desktopWindow() {
        browser = chromium.driver();
        waiting = chromium.waiting();
        chromium.use(Browser.Window.DESKTOP);
    }

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    @Inject
    org.rendezvous.core.Rendezvous engine;


    @Test
    @DisplayName("PO-5 the operator's list shows the batch; the export form fixes it and offers its file; then the form marks it sent; data shown as text only")
    void operatorMarksABatchSentInTheBrowser() {
        BlockingHttpClient http = client.toBlocking();
        String practitioner = AccountsTestSupport.session(http, stores, "anna-" + UUID.randomUUID() + "@example.org",
                "anna's long password");
        Map<?, ?> profile = http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(practitioner), Map.class);
        PractitionerId id = PractitionerId.of((String) profile.get("id"));
        stores.transactions().inTransaction(() -> stores.ledger().post(new Posting(new PostingId(UUID.randomUUID()), id,
                Optional.empty(), Optional.empty(), PostingKind.EARNINGS_RELEASED, "test-earning:" + UUID.randomUUID(),
                List.of(new Leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Money.of("57.00", "EUR"))),
                Instant.now().minusSeconds(60))));
        http.exchange(HttpRequest.PUT("/api/practitioner/payout-destination",
                Map.of("holder", "Anna Martin", "iban", "NL91 ABNA 0417 1643 00")).bearerAuth(practitioner));
        http.exchange(HttpRequest.POST("/api/practitioner/payouts", Map.of()).bearerAuth(practitioner)
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        String operator = AccountsTestSupport.operatorSession(http, engine, "olga-" + UUID.randomUUID() + "@operators.example");

        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        String base = "http://localhost:" + server.getPort();
        browser.get(base + "/login");
        browser.manage().addCookie(new Cookie("rendezvous_session", operator, "/"));
        ((JavascriptExecutor) browser).executeScript("""
                const element = document.createElement('section');
                element.id = 'batches';
                document.body.append(element);
                import('/assets/i18n.js').then(i => i.useCatalogs(['operator']))
                  .then(() => import('/assets/operator-batches.js')).then(m => { window.batches = m.mount(element); });
                """);
        WebElement batch = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("li[data-batch]")));
        assertThat(WebPagesBrowserTest.words(batch.getText())).contains("Versements à la demande", "1 versement", "57,00 €", "Collecte des versements");
        String batchId = batch.getDomAttribute("data-batch");
        assertThat(batch.findElements(By.cssSelector("a[data-batch-file]"))).as("no file before the export").isEmpty();
        assertThat(browser.findElements(By.cssSelector("form[data-batch-sent]"))).as("not before the export").isEmpty();

        // The export (a POST with a reason, answered with the file: a browser download goes nowhere in headless Chromium).
        WebElement export = batch.findElement(By.cssSelector("form[data-batch-export]"));
        export.findElement(By.name("reason")).sendKeys("cycle file for the bank");
        export.findElement(By.cssSelector("button[type=submit]")).click();
        WebElement form = waiting.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form[data-batch-sent]")));
        WebElement link = browser.findElement(By.cssSelector("a[data-batch-file]"));
        assertThat(link.getDomAttribute("href")).isEqualTo("/api/operator/payout-batches/" + batchId + "/file");
        form.findElement(By.name("reason")).sendKeys(XSS);
        form.findElement(By.cssSelector("button[type=submit]")).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li[data-batch]"), "Envoyé à la banque"));
        WebElement sent = browser.findElement(By.cssSelector("li[data-batch]"));
        assertThat(sent.getText()).contains("Marqué envoyé par ", XSS);
        assertThat(sent.findElements(By.tagName("img"))).as("the reason is text, not markup").isEmpty();
        assertThat(browser.getTitle()).isNotEqualTo("pwned");
        chromium.assertAccessible("the operator's payout batches after one is marked sent");
        List<Map> payouts = http.retrieve(HttpRequest.GET("/api/practitioner/payouts").bearerAuth(practitioner),
                Argument.listOf(Map.class));
        assertThat(payouts.get(0).get("state")).isEqualTo("SENT");
    }
}
