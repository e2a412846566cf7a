package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;

/**
 * Issue 14: switching the language keeps what was typed. On the public booking form, the dashboard's profile form
 * and the client's sign-in page, in a real headless Chromium (phone and desktop, axe-core after each switch): type,
 * switch FR → EN, and the typed text is still there while the labels changed language (the dashboard reopens the
 * tab that was open).
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class LanguageSwitchFormsBrowserTest extends DashboardBrowserSupport {

    String label(String forId) {
        return browser.findElement(By.cssSelector("label[for='" + forId + "']")).getText();
    }

    String value(String id) {
        return byId(id).getDomProperty("value");
    }

    /** Waits for the page in this language; the switch reloads the page, so an element read meanwhile may go stale. */
    void waitForLanguage(String code) {
        waiting.until(d -> {
            try {
                return code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang"));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    void waitForDashboard() {
        waiting.until(d -> {
            try {
                return "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready"));
            } catch (StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14 the public booking form keeps the client's name, e-mail and phone across the switch FR → EN")
    void publicBookingForm(Browser.Window window) {
        chromium.use(window);
        String session = practitioner(unique("olga"));
        String slug = "olga-" + UUID.randomUUID().toString().substring(0, 8);
        send(session, HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "name", "Olga")));
        send(session, HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody("Shiatsu", 60)));
        LocalDate day = LocalDate.now(PARIS).plusDays(10);
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", day.toString(), "start", "09:00", "end", "12:00")));

        browser.get(base + "/p/" + slug);
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('rendezvous.lang', 'fr')");
        browser.get(base + "/p/" + slug);
        waitForLanguage("fr");
        textOf("name", "Olga");
        assertThat(label("client-name")).isEqualTo("Votre nom");
        type("client-name", "Zoé Leroy");
        type("client-email", "zoe@example.net");
        type("client-phone", "+33 6 11 22 33 44");

        clickable(By.id("language-en")).click();
        waitForLanguage("en");
        waiting.until(d -> "Your name".equals(label("client-name")));
        waiting.until(d -> "Zoé Leroy".equals(value("client-name")));
        assertThat(value("client-email")).isEqualTo("zoe@example.net");
        assertThat(value("client-phone")).isEqualTo("+33 6 11 22 33 44");
        assertThat(label("client-phone")).isEqualTo("Phone");
        chromium.assertAccessible("the public booking form after switching to English on a " + window);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14 the dashboard's profile form keeps what was typed, on its tab, across the switch FR → EN")
    void dashboardProfileForm(Browser.Window window) {
        chromium.use(window);
        String email = unique("pia");
        String session = practitioner(email);
        logIn(email, "fr");
        tab("tab-page");
        byId("page-presentation");
        waiting.until(d -> "Présentation".equals(label("page-presentation")));
        type("page-presentation", "Ostéopathe à Lyon, sur rendez-vous.");
        type("page-phone", "+33 4 72 00 00 00");

        clickable(By.id("language-en")).click();
        waitForLanguage("en");
        waitForDashboard();
        assertThat(byId("tab-page").getDomAttribute("aria-selected")).isEqualTo("true");
        waiting.until(d -> "Presentation".equals(label("page-presentation")));
        waiting.until(d -> "Ostéopathe à Lyon, sur rendez-vous.".equals(value("page-presentation")));
        assertThat(value("page-phone")).isEqualTo("+33 4 72 00 00 00");
        chromium.assertAccessible("the profile form after switching to English on a " + window);
        // The switch saved the account's language; the typed text was not saved until the person saves it.
        Map<?, ?> profile = send(session, HttpRequest.GET(P + "/profile"));
        assertThat(profile.get("language")).isEqualTo("en");
        assertThat(String.valueOf(profile.get("presentation"))).doesNotContain("Lyon");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14 the client's sign-in page keeps the typed e-mail across the switch FR → EN (texts change in place)")
    void clientSignInForm(Browser.Window window) {
        chromium.use(window);
        browser.get(base + "/client");
        byId("lang-fr").click();
        waitForLanguage("fr");
        assertThat(label("email")).isEqualTo("Adresse e-mail");
        type("email", "claire@example.net");
        byId("lang-en").click();
        waitForLanguage("en");
        waiting.until(d -> "E-mail address".equals(label("email")));
        assertThat(value("email")).isEqualTo("claire@example.net");
        assertThat(byId("ask-submit").getText()).isEqualTo("Send me the link");
        chromium.assertAccessible("the client's sign-in page after switching to English on a " + window);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14 the sandbox's onboarding page follows the language stored with the switch (EN) before the"
            + " browser's French Accept-Language; its own ?lang still comes first")
    void sandboxPageFollowsTheStoredChoice(Browser.Window window) {
        chromium.use(window);
        String email = unique("rita");
        String session = practitioner(email);
        logIn(email, "fr");
        clickable(By.id("language-en")).click();
        waitForLanguage("en");
        waitForDashboard();

        String page = java.net.URI.create((String) send(session, HttpRequest.POST(P + "/payment-account/onboarding",
                Map.of("country", "FR"))).get("url")).getPath();
        browser.get(base + page);
        waitForLanguage("en");
        assertThat(byId("sandbox-complete").getText()).isEqualTo("Give my details (the account is enabled)");
        chromium.assertAccessible("the sandbox's onboarding page in the stored language on a " + window);

        browser.get(base + page + "?lang=fr");
        waitForLanguage("fr");
        assertThat(byId("sandbox-complete").getText()).isEqualTo("Donner mes informations (le compte est activé)");
    }
}
