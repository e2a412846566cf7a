package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.rendezvous.core.plan.UsageKind;
import org.rendezvous.core.plan.UsageMonth;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * PLAN-2 on the public page (issue 14, item 2), in the model with plans (DIRECT_CONNECT): past the free plan's
 * monthly quota the page says so in words for people and offers no form. In Chromium, with the helpers of
 * {@link DashboardBrowserSupport}; its own class because the model is a property of the application.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
@Property(name = "rendezvous.model", value = "DIRECT_CONNECT")
class PublicPageQuotaBrowserTest extends DashboardBrowserSupport {

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("PLAN-2 issue 14 past the free plan's quota the public page says so in a sentence for people and shows no booking form")
    void quotaReachedOnPublicPage(Browser.Window window) {
        chromium.use(window);
        String email = unique("quota");
        String session = practitioner(email);
        String slug = "quota-" + UUID.randomUUID().toString().substring(0, 8);
        String practitionerId = (String) send(session, HttpRequest.PUT(P + "/profile", Map.of("slug", slug))).get("id");
        send(session, HttpRequest.POST(P + "/activities", PractitionerApiTest.activityBody("Shiatsu", 60)));
        send(session, HttpRequest.POST(P + "/plan/sandbox/end-trial", ""));
        UsageMonth month = UsageMonth.of(PractitionerId.of(practitionerId), clock.instant(), PARIS);
        for (int n = 0; n < 40; n++) {
            stores.usage().record(month, UsageKind.BOOKING, "seeded-" + n);
        }

        assertThat(http.retrieve(HttpRequest.GET("/api/public/pages/" + slug), Map.class).get("bookingsClosed")).isNotNull();
        browser.get(base + "/");
        ((JavascriptExecutor) browser).executeScript("localStorage.setItem('rendezvous.lang', 'fr')");
        browser.get(base + "/p/" + slug);
        assertThat(textOf("quota-reached", "ce mois-ci")).startsWith("Ce praticien ne peut plus recevoir de réservation en ligne");
        assertThat(browser.findElement(By.id("book")).isDisplayed()).isFalse();
        chromium.assertAccessible("the public page past the quota on a " + window);
    }

}
