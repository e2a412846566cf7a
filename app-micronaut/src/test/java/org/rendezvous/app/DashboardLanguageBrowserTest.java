package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Issue 14 items 1 and 5 in Chromium, on a phone and on a desktop: the dashboard's language switch (FR ↔ EN)
 * changes the words, the money ("60,00 €" ↔ "€60.00") and the dates; a refusal of the API is shown as a
 * sentence of the page's catalog, never as the problem's raw detail.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class DashboardLanguageBrowserTest extends DashboardBrowserSupport {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14 the language switch turns the dashboard from French to English and back: words, money and dates"
            + " per locale; a refused field shows a sentence, not the problem's detail")
    void languageSwitchAndProblemSentence(Browser.Window window) {
        chromium.use(window);
        String email = unique("noa");
        String session = practitioner(email);
        String practitionerId = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60))).get("id");
        LocalDate date = LocalDate.now(PARIS).plusDays(10);
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", date.toString(), "start", "09:00", "end", "12:00")));
        bookThroughApi(practitionerId, activityId, date, LocalTime.of(10, 0), "Zoé Leroy", unique("zoe"));

        // French: the activity's price and the request's date in French.
        logIn(email, "fr");
        waiting.until(d -> "fr".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        tab("tab-activities", window);
        assertThat(textOf("activities-list", "Shiatsu")).contains("60,00 €");
        tab("tab-requests", window);
        assertThat(textOf("requests", "Zoé Leroy")).containsIgnoringCase(month(date, Locale.FRENCH));

        // A refusal: the sentence of the catalog next to the field, not what the API's problem says.
        String detail = AccountsTestSupport.problemBody(AccountsTestSupport.failure(http, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Court", 3)).bearerAuth(session)), 400);
        tab("tab-activities");
        type("activity-name", "Court");
        type("activity-duration", "3");
        byId("activity-submit").click();
        String shown = someText("activity-duration-error");
        assertThat(shown).endsWith(".").doesNotContain("durationMinutes");
        assertThat(detail).doesNotContain(shown);
        chromium.assertAccessible("the Activities tab with a refused field on a " + window);

        // English: the switch saves the choice and reloads the page.
        clickable(By.id("language-en")).click();
        reloadedIn("en");
        assertThat(byId("tab-activities").getText()).isEqualTo("Activities");
        assertThat(byId("language-en").getDomAttribute("aria-pressed")).isEqualTo("true");
        tab("tab-activities", window);
        assertThat(textOf("activities-list", "Shiatsu")).contains("€60.00");
        tab("tab-requests");
        assertThat(textOf("requests", "Zoé Leroy")).contains(month(date, Locale.ENGLISH));

        // And back to French.
        clickable(By.id("language-fr")).click();
        reloadedIn("fr");
        assertThat(byId("tab-activities").getText()).isEqualTo("Prestations");
        tab("tab-activities");
        assertThat(textOf("activities-list", "Shiatsu")).contains("60,00 €");
    }

    /** Waits for the page the switch reloads: in that language and ready (read by script: no element goes stale). */
    void reloadedIn(String code) {
        waiting.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return document.documentElement.lang === arguments[0] && !!document.body"
                        + " && document.body.getAttribute('data-ready') === 'true'", code)));
    }

    /** The first three letters of the month's short name ("déc", "Dec"): what Intl and the JDK's CLDR share. */
    static String month(LocalDate date, Locale locale) {
        return date.getMonth().getDisplayName(TextStyle.SHORT, locale).substring(0, 3);
    }
}
