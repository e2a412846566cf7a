package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.operator.Invitation;
import org.rendezvous.core.port.Stores;

/**
 * The operator area in Chromium, as WebPagesBrowserTest runs the practitioners' pages: an operator chooses
 * their password through the host's link, logs in, sees the practitioners and suspends one with a reason.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class OperatorPagesBrowserTest {

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
    Rendezvous engine;

    BlockingHttpClient http;
    String base;


    @BeforeEach
    void desktopWindowWithoutSession() {
        browser = chromium.driver();
        waiting = chromium.waiting();
        http = client.toBlocking();
        base = "http://localhost:" + server.getPort();
        chromium.use(Browser.Window.DESKTOP);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
    }

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    @Test
    @DisplayName("an operator chooses a password from the link, logs in, sees the practitioners and suspends one with a reason")
    void setPasswordLogInSuspend() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String anna = "anna-" + suffix + "@example.org";
        AccountsTestSupport.session(http, stores, anna, "anna's long password");
        String email = "olga-" + suffix + "@operators.example";
        Invitation invitation = engine.operators().invite(EmailAddress.of(email)).orElseThrow();

        browser.get(base + "/operator/set-password?token=" + URLEncoder.encode(invitation.secret(), StandardCharsets.UTF_8));
        byId("password");
        chromium.assertAccessible("/operator/set-password with a token");
        type("password", "the operator's long password");
        byId("submit").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/operator/login"));

        type("email", email);
        type("password", "the operator's long password");
        byId("submit").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/operator"));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), email));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("practitioners-rows"), anna));
        assertThat(byId("ledger-identity").getText()).contains("équilibré au centime près");

        WebElement row = browser.findElements(By.cssSelector("#practitioners-rows tr")).stream()
                .filter(r -> r.getText().contains(anna)).findFirst().orElseThrow();
        String id = row.getDomAttribute("data-practitioner");
        row.findElement(By.tagName("button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "motif"));

        type("reason", "identity check failed");
        browser.findElement(By.cssSelector("#practitioners-rows tr[data-practitioner='" + id + "'] button")).click();
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "est suspendu"));
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-rows"), "identity check failed"));
        assertThat(browser.findElement(By.cssSelector("#practitioners-rows tr[data-practitioner='" + id + "'] .state")).getText())
                .isEqualTo("suspendu");
        assertThat(engine.operators().suspended(org.rendezvous.core.practitioner.PractitionerId.of(id))).isTrue();
        chromium.assertAccessible("the operator area after a suspension");
        assertThat(browser.findElements(By.id("payout-batches"))).hasSize(1);
    }

    @Test
    @DisplayName("the operator area without a session sends the browser to the operator login")
    void withoutSession() {
        browser.get(base + "/operator");
        waiting.until(ExpectedConditions.urlToBe(base + "/operator/login"));
    }

    @Test
    @DisplayName("the operator pages have a CSP without inline scripts, cannot be framed, and send no referrer")
    void securityHeaders() {
        for (String path : List.of("/operator", "/operator/login", "/operator/set-password")) {
            HttpResponse<String> page = http.exchange(HttpRequest.GET(path), String.class);
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.body()).doesNotContain("<script>");
        }
    }
}
