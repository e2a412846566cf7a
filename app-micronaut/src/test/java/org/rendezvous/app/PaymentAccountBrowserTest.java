package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.rendezvous.core.port.Stores;

/**
 * Issue 12 in a real headless Chromium with the sandbox provider: the dashboard's payment account section sends the
 * practitioner to the sandbox's onboarding page and back, and shows what the provider says. The app listens on a
 * port chosen here, so that its public base URL (where the provider sends the browser back) is the browser's.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaymentAccountBrowserTest implements TestPropertyProvider {

    static final String P = "/api/practitioner";

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

    final int port = freePort();

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Stores stores;

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, String> getProperties() {
        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        return Map.of("micronaut.server.port", String.valueOf(port), "rendezvous.public-base-url", "http://localhost:" + port);
    }


    void click(String id) {
        waiting.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    void waitForState(String state) {
        waiting.until(ExpectedConditions.attributeToBe(By.id("payment-account-state"), "data-state", state));
    }

    @Test
    @DisplayName("the dashboard's payment account: connect on the sandbox's page, come back, see pending then ready, and receive payouts there (PO-4)")
    void connectFromTheDashboard() {
        BlockingHttpClient http = client.toBlocking();
        String base = "http://localhost:" + port;
        String email = "nina-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String session = AccountsTestSupport.session(http, stores, email, "nina's long password");

        browser.get(base + "/login");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id("email"))).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys("nina's long password");
        click("submit");
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard"));
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        click("tab-payment-account");
        waitForState("NONE");
        assertThat(browser.findElement(By.id("payment-account-start")).getText()).isEqualTo("Connecter un compte de paiement");
        click("payment-account-start");
        waiting.until(ExpectedConditions.urlContains("/sandbox/onboarding/acct_sbx_"));
        chromium.screenshotForDebugging("payment-account-sandbox-onboarding");

        click("sandbox-pending");
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard#payment-account"));
        waitForState("PENDING_VERIFICATION");
        assertThat(browser.findElement(By.id("payment-account-now")).getText()).contains("Ne reçoit pas encore les versements");
        assertThat(browser.findElement(By.id("payment-account-start")).getText()).isEqualTo("Mettre à jour mes informations");
        chromium.assertAccessible("the Payment account tab, pending verification");

        click("payment-account-start");
        waiting.until(ExpectedConditions.urlContains("/sandbox/onboarding/acct_sbx_"));
        click("sandbox-complete");
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard#payment-account"));
        waitForState("ENABLED");
        chromium.screenshotForDebugging("payment-account-ready");
        chromium.assertAccessible("the Payment account tab, ready");

        click("payment-account-payouts");
        waiting.until(ExpectedConditions.textToBePresentInElementLocated(By.id("done"), "Vos versements arrivent désormais"));
        Map<?, ?> destination = http.retrieve(HttpRequest.GET(P + "/payout-destination").bearerAuth(session), Map.class);
        assertThat(destination.get("kind")).isEqualTo("PROVIDER_ACCOUNT");
        assertThat(destination.get("ready")).isEqualTo(true);
    }
}
