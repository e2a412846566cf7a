package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.port.Stores;

/**
 * Issue 14 item 5: every page, on a phone and on a desktop, has no serious or critical accessibility
 * violation that axe-core finds: the home and account pages, the public booking page, the client's link
 * page, each tab of the dashboard and the operator's pages. With {@code -Drendezvous.screenshots=true} it
 * also writes the main pages' screenshots to {@code docs/pages/} (docs/pages.md).
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class PagesAccessibilityBrowserTest {

    @RegisterExtension
    static final Browser chromium = new Browser();

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
    WebDriver browser;
    String base;

    @BeforeEach
    void setUp() {
        http = client.toBlocking();
        browser = chromium.driver();
        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        base = "http://localhost:" + server.getPort();
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
    }

    /** A practitioner with a public page, an activity, an opening and one booking; what the pages show. */
    record Practice(String session, String slug, String bookingPath) {
    }

    Practice practice() {
        String email = "alba-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String slug = "alba-" + UUID.randomUUID().toString().substring(0, 8);
        String session = AccountsTestSupport.session(http, stores, email, "alba's long password");
        http.exchange(HttpRequest.PUT("/api/practitioner/profile", Map.of("name", "Alba Moreau", "slug", slug,
                "presentation", "Shiatsu and massage in Lyon.",
                "addresses", List.of(Map.of("label", "Cabinet", "address", "12 rue Mercière, 69002 Lyon")))).bearerAuth(session));
        WebPagesBrowserTest.Agenda agenda = new WebPagesBrowserTest.Agenda(session,
                (String) http.retrieve(HttpRequest.GET("/api/practitioner/profile").bearerAuth(session), Map.class).get("id"),
                (String) http.retrieve(HttpRequest.POST("/api/practitioner/activities", PractitionerApiTest.activityBody("Shiatsu", 60))
                        .bearerAuth(session), Map.class).get("id"),
                java.time.LocalDate.now(WebPagesBrowserTest.PARIS).plusDays(10));
        http.exchange(HttpRequest.POST("/api/practitioner/openings", Map.of("date", agenda.date().toString(), "start", "09:00",
                "end", "12:00")).bearerAuth(session));
        Map<?, ?> booking = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + agenda.practitionerId() + "/bookings",
                        Map.of("activityId", agenda.activityId(),
                                "start", agenda.date().atTime(LocalTime.of(10, 0)).atZone(WebPagesBrowserTest.PARIS).toInstant().toString(),
                                "mode", "IN_PERSON", "client", Map.of("name", "Camille Durand",
                                        "email", "camille-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                                        "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", UUID.randomUUID().toString()), Map.class);
        return new Practice(session, slug, URI.create((String) booking.get("clientLink")).getPath());
    }

    void open(String path) {
        browser.get(base + path);
        chromium.waiting().until(d -> "complete".equals(((org.openqa.selenium.JavascriptExecutor) d)
                .executeScript("return document.readyState")));
    }

    /** Lets the page's script fetch and draw its data: a visible main element with some text. */
    void settled() {
        chromium.waiting().until(d -> !d.findElements(By.tagName("main")).isEmpty()
                && !d.findElement(By.tagName("main")).getText().isBlank());
    }

    void asPractitioner(String session) {
        browser.manage().addCookie(new Cookie("rendezvous_session", session, "/"));
    }

    void dashboardReady() {
        chromium.waiting().until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    List<WebElement> visibleTabs() {
        List<WebElement> tabs = new ArrayList<>();
        for (WebElement tab : browser.findElements(By.cssSelector("[id^=tab-]"))) {
            if (tab.isDisplayed()) {
                tabs.add(tab);
            }
        }
        return tabs;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14: the pages anyone opens have no serious accessibility violation (axe-core), on a phone and a desktop")
    void publicPagesAreAccessible(Browser.Window window) {
        Practice practice = practice();
        chromium.use(window);
        for (String path : List.of("/", "/login", "/register", "/verify-email", "/reset-password", "/operator/login",
                "/operator/set-password", "/p/" + practice.slug(), practice.bookingPath())) {
            open(path);
            settled();
            chromium.assertAccessible(path + " on a " + window);
        }
        open("/p/" + practice.slug() + "?embed=1");
        settled();
        chromium.assertAccessible("the embedded booking form on a " + window);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14, PAGE-4: every tab of the dashboard has no serious accessibility violation (axe-core), on a phone and a desktop")
    void dashboardTabsAreAccessible(Browser.Window window) {
        Practice practice = practice();
        chromium.use(window);
        asPractitioner(practice.session());
        open("/dashboard");
        dashboardReady();
        chromium.assertAccessible("the dashboard on a " + window);
        List<String> tabs = visibleTabs().stream().map(tab -> tab.getDomAttribute("id")).toList();
        assertThat(tabs).contains("tab-agenda", "tab-requests", "tab-page");
        for (String tab : tabs) {
            browser.findElement(By.id(tab)).click();
            chromium.assertAccessible("the dashboard's " + tab + " on a " + window);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("issue 14: the operator area has no serious accessibility violation (axe-core), on a phone and a desktop")
    void operatorAreaIsAccessible(Browser.Window window) {
        practice();
        String operator = AccountsTestSupport.operatorSession(http, engine, "olga-" + UUID.randomUUID() + "@operators.example");
        chromium.use(window);
        browser.manage().addCookie(new Cookie("rendezvous_session", operator, "/"));
        open("/operator");
        chromium.waiting().until(d -> d.findElement(By.tagName("body")).getText().contains("@example.org"));
        chromium.assertAccessible("the operator area on a " + window);
    }

    @Test
    @DisplayName("issue 14: the axe-core check fails on a serious violation and names the rule and the element")
    void theCheckCatchesAViolation() {
        open("/login");
        settled();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "const b = document.createElement('button'); b.id = 'nameless'; document.querySelector('main').append(b);");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> chromium.assertAccessible("/login with a nameless button"))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("critical button-name")
                .hasMessageContaining("#nameless");
    }

    @Test
    @DisplayName("with -Drendezvous.screenshots=true, the main pages' screenshots are written to docs/pages/ (docs/pages.md)")
    void screenshotsOfTheMainPages() {
        if (!Boolean.getBoolean("rendezvous.screenshots")) {
            return; // only on demand: the images change with every page edit
        }
        Path directory = Path.of(System.getProperty("rendezvous.screenshots.dir", "../docs/pages"));
        Practice practice = practice();
        chromium.use(Browser.Window.DESKTOP);
        for (String page : List.of("home:/", "login:/login", "register:/register")) {
            String[] nameAndPath = page.split(":", 2);
            open(nameAndPath[1]);
            settled();
            chromium.screenshot(directory.resolve(nameAndPath[0] + ".webp"));
        }
        open("/p/" + practice.slug());
        settled();
        chromium.screenshot(directory.resolve("public-page.webp"));
        chromium.use(Browser.Window.PHONE);
        open("/p/" + practice.slug());
        settled();
        chromium.screenshot(directory.resolve("public-page-phone.webp"));
        open(practice.bookingPath());
        settled();
        chromium.screenshot(directory.resolve("booking-link-phone.webp"));
        open("/client");
        settled();
        chromium.screenshot(directory.resolve("client-phone.webp"));
        asPractitioner(practice.session());
        open("/dashboard");
        dashboardReady();
        browser.findElement(By.id("tab-openings")).click();
        chromium.screenshot(directory.resolve("dashboard-openings-phone.webp"));
        chromium.use(Browser.Window.DESKTOP);
        open("/dashboard");
        dashboardReady();
        for (String tab : List.of("agenda", "requests", "activities", "openings", "page", "settings", "new-booking",
                "calendar", "money")) {
            browser.findElement(By.id("tab-" + tab)).click();
            chromium.waiting().until(d -> !d.findElement(By.id(tab)).getText().isBlank());
            chromium.screenshot(directory.resolve("dashboard-" + tab + ".webp"));
        }
    }
}
