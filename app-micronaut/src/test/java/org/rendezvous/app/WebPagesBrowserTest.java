package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.port.Stores;

/**
 * The web pages driven end to end in a real headless Chromium, against the app on a random port in memory
 * mode: the account pages (ACC-1, password reset), the dashboard (PAGE-4), the client's link page (CX-2)
 * and the public booking page (PAGE-2). One browser for the class; every wait is a WebDriverWait.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class WebPagesBrowserTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String P = "/api/practitioner";
    static final String XSS_NAME = "<img src=x onerror=\"document.title='pwned'\"> Mallory";

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

    BlockingHttpClient http;
    String base;


    @BeforeEach
    void desktopWindowWithoutSession() {
        browser = chromium.driver();
        waiting = chromium.waiting();
        http = client.toBlocking();
        // "localhost", not 127.0.0.1: browsers accept the Secure session cookie over plain HTTP only there.
        base = "http://localhost:" + server.getPort();
        chromium.use(Browser.Window.DESKTOP);
        browser.get(base + "/");
        browser.manage().deleteAllCookies();
        // The language switch remembers a choice in the browser: every test starts from the browser's language.
        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
    }

    // Helpers

    void open(String path) {
        browser.get(base + path);
    }

    WebElement byId(String id) {
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement field = byId(id);
        field.clear();
        field.sendKeys(text);
    }

    String textOf(String id, String expectedPart) {
        waiting.until(d -> words(d.findElement(By.id(id)).getText()).contains(expectedPart));
        return words(browser.findElement(By.id(id)).getText());
    }

    /** Intl's French formats put no-break spaces in amounts and dates ("60,00 €"): compared as plain spaces. */
    static String words(String text) {
        return text == null ? null : text.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    /** Issue 14: the header's switch (FR | EN) reloads the page in the language chosen. */
    void switchLanguage(String code) {
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("language-" + code))).click();
        waiting.until(d -> {
            try {
                return code.equals(d.findElement(By.tagName("html")).getDomAttribute("lang"))
                        && "true".equals(d.findElement(By.id("language-" + code)).getDomAttribute("aria-pressed"));
            } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    void logInInBrowser(String email, String password) {
        open("/login");
        type("email", email);
        type("password", password);
        byId("submit").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/dashboard"));
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
    }

    /**
     * A named step of a flow: checked with axe-core as it is (issue 14 item 5: each state a flow reaches, not only
     * each page as it loads), and with RENDEZVOUS_TEST_SCREENSHOTS=a-directory, what the browser shows, to look at.
     */
    void screenshot(String name) {
        chromium.assertAccessible(name);
        chromium.screenshotForDebugging(name);
    }

    static String unique(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    Map<?, ?> send(String session, MutableHttpRequest<?> request) {
        return http.retrieve(request.bearerAuth(session), Map.class);
    }

    /** A practitioner with one activity and a dated opening, ten days ahead, 09:00 to 12:00 in Paris. */
    record Agenda(String session, String practitionerId, String activityId, LocalDate date) {
    }

    Agenda agenda(String email, String password, String confirmation) {
        String session = AccountsTestSupport.session(http, stores, email, password);
        String id = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        send(session, HttpRequest.PUT(P + "/settings", Map.of("confirmation", confirmation)));
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60))).get("id");
        LocalDate date = LocalDate.now(PARIS).plusDays(10);
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", date.toString(), "start", "09:00", "end", "12:00")));
        return new Agenda(session, id, activityId, date);
    }

    Map<?, ?> bookThroughApi(Agenda agenda, String clientName, LocalTime at) {
        return http.retrieve(HttpRequest.POST("/api/public/practitioners/" + agenda.practitionerId() + "/bookings", Map.of(
                        "activityId", agenda.activityId(), "start", agenda.date().atTime(at).atZone(PARIS).toInstant().toString(),
                        "mode", "IN_PERSON", "client", Map.of("name", clientName, "email", unique("client"),
                                "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", UUID.randomUUID().toString()), Map.class);
    }

    // Tests

    @Test
    @DisplayName("ACC-1 a practitioner registers in the browser, opens the e-mailed verification link, logs in and reaches the dashboard")
    void registerVerifyLogIn() {
        String email = unique("ines");
        open("/register");
        type("name", "Inès Martin");
        type("email", email);
        type("password", "a long enough password");
        type("zone", "Europe/Paris"); // the page proposes the browser's zone
        byId("submit").click();
        assertThat(textOf("done", "lien")).isEqualTo("Consultez votre messagerie : un lien de vérification vous attend.");

        // A used or unknown token: the page says so in words for people and offers a new link.
        open("/verify-email?token=not-a-real-token");
        assertThat(textOf("error", "lien")).isEqualTo("Ce lien n'est pas valable ou a déjà servi. Demandez-en un nouveau.");
        assertThat(byId("resend").isDisplayed()).isTrue();

        open("/verify-email?token=" + AccountsTestSupport.tokenFrom(stores, MessageKind.EMAIL_VERIFICATION));
        assertThat(textOf("done", "vérifié")).startsWith("Votre e-mail est vérifié");
        byId("next").findElement(By.tagName("a")).click();
        waiting.until(ExpectedConditions.urlToBe(base + "/login"));

        type("email", email);
        type("password", "a wrong password, surely");
        byId("submit").click();
        assertThat(textOf("error", "incorrect")).isEqualTo("L'e-mail ou le mot de passe est incorrect.");

        logInInBrowser(email, "a long enough password");
        assertThat(textOf("who", "Inès Martin")).contains("Europe/Paris");

        // PAGE-1, PAGE-3: she chooses her page's address and gets the snippet to embed it.
        String slug = "ines-" + UUID.randomUUID().toString().substring(0, 8);
        byId("tab-page").click();
        type("page-slug", slug);
        type("page-presentation", "Shiatsu in Paris");
        byId("page-form").findElement(By.cssSelector("button[type=submit]")).click();
        assertThat(textOf("done", "enregistrés")).isEqualTo("Profil et page publique enregistrés."); // the account speaks French
        assertThat(textOf("page-url", slug)).endsWith("/p/" + slug);
        assertThat(byId("page-snippet").getDomProperty("value")).contains("/p/" + slug + "?embed=1").startsWith("<iframe");

        // Logging out ends the session: the dashboard sends the browser to /login again.
        byId("logout").click();
        waiting.until(ExpectedConditions.urlToBe(base + "/login"));
        open("/dashboard");
        waiting.until(ExpectedConditions.urlContains("/login?next="));
    }

    @Test
    @DisplayName("PAGE-4 the dashboard without a session sends the browser to /login")
    void dashboardWithoutSession() {
        open("/dashboard");
        waiting.until(ExpectedConditions.urlContains("/login?next="));
    }

    @Test
    @DisplayName("PAGE-4, BK-4 the dashboard shows a request booked through the API, in the agenda and the requests, and confirms it;"
            + " a client's name made of HTML renders as text")
    void dashboardConfirmsRequest() {
        String email = unique("paul");
        Agenda agenda = agenda(email, "paul's long password", "MANUAL");
        Map<?, ?> booking = bookThroughApi(agenda, XSS_NAME, LocalTime.of(10, 0));
        assertThat(booking.get("state")).isEqualTo("PENDING");

        logInInBrowser(email, "paul's long password");
        assertThat(textOf("requests-count", "(1)")).isEqualTo("(1)");

        // The agenda of the booking's day, in the practitioner's zone.
        pickDate("agenda-date", agenda.date());
        WebElement line = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agenda-list [data-booking='" + booking.get("id") + "']")));
        assertThat(line.getText()).contains("10:00").contains("Shiatsu").contains("En attente de confirmation");
        screenshot("dashboard-agenda-day");
        byId("agenda-week").click();
        waiting.until(ExpectedConditions.attributeToBe(By.id("agenda-week"), "aria-pressed", "true"));
        assertThat(waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#agenda-list [data-booking='" + booking.get("id") + "']"))).getText()).contains("10:00");

        byId("tab-requests").click();
        WebElement request = waiting.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#requests-list [data-booking='" + booking.get("id") + "']")));
        // The name is text: shown as typed, no element made from it, no script run.
        assertThat(request.findElement(By.className("client-name")).getText()).isEqualTo(XSS_NAME);
        assertThat(browser.findElements(By.cssSelector("main img"))).isEmpty();
        assertThat(browser.getTitle()).doesNotContain("pwned");

        screenshot("dashboard-requests");
        request.findElement(By.cssSelector("button[data-command=confirm]")).click();
        assertThat(textOf("done", "Confirmé")).isEqualTo(XSS_NAME + " : Confirmé.");
        screenshot("dashboard-booking-detail");
        assertThat(send(agenda.session(), HttpRequest.GET(P + "/bookings/" + booking.get("id"))).get("state"))
                .isEqualTo("CONFIRMED");
        assertThat(byId("detail-actions").getText()).contains("Signaler une absence").doesNotContain("Confirmer");
    }

    @Test
    @DisplayName("CX-2 the client opens their link on a phone, sees the booking in the practitioner's zone and that cancelling is free"
            + " (no late charge set), cancels, and is told nothing is charged")
    void linkPageCancels() {
        Agenda agenda = agenda(unique("lea"), "lea's long password", "AUTOMATIC");
        Map<?, ?> booking = bookThroughApi(agenda, "Camille Durand", LocalTime.of(9, 0));
        String link = (String) booking.get("clientLink");
        chromium.use(Browser.Window.PHONE);
        open(URI.create(link).getPath());

        assertThat(textOf("what", "Shiatsu")).isEqualTo("Shiatsu");
        assertThat(byId("when").getText()).contains("09:00").contains("Europe/Paris");
        assertThat(byId("state").getText()).isEqualTo("Confirmé");
        assertThat(byId("deadline").getText()).isEqualTo("L'annulation est gratuite."); // no share of the price is charged late (0 %)
        assertThat(byId("money").getText()).as("PAY-6: what happened to the money").isEqualTo("Payé sur place");
        assertThat(browser.findElement(By.id("pay")).isDisplayed()).as("no next step online").isFalse();

        screenshot("link-page-phone");
        assertFitsTheWindow();
        byId("cancel-open").click();
        byId("cancel").click();
        assertThat(textOf("done", "annulé")).isEqualTo("Votre rendez-vous est annulé. Rien n'est facturé.");
        screenshot("link-page-cancelled-phone");
        assertThat(byId("state").getText()).isEqualTo("Annulé par le client");
        assertThat(browser.findElement(By.id("cancel-open")).isDisplayed()).isFalse();
        assertThat(http.retrieve(HttpRequest.GET("/api/public/bookings/" + link.substring(link.lastIndexOf('/') + 1)), Map.class)
                .get("state")).isEqualTo("CANCELLED_BY_CLIENT");

        open("/b/no-such-link");
        assertThat(textOf("error", "lien")).isEqualTo("Ce lien de rendez-vous n'existe pas ou n'est plus valable."); // never the API's detail
    }

    @Test
    @DisplayName("CX-1, CX-3 after the cancellation deadline the link page says, before the client cancels, what a late cancellation costs")
    void linkPageWarnsOfLateCancellation() {
        Agenda agenda = agenda(unique("eva"), "eva's long password", "AUTOMATIC");
        send(agenda.session(), HttpRequest.PUT(P + "/settings",
                Map.of("cancellationDeadlineMinutes", 15 * 24 * 60, "noShowPercent", "50")));
        Map<?, ?> booking = bookThroughApi(agenda, "Lou Bernard", LocalTime.of(9, 0));
        open(URI.create((String) booking.get("clientLink")).getPath());

        assertThat(textOf("deadline", "fin")).startsWith("L'annulation gratuite a pris fin le").endsWith("annuler maintenant coûte 50 % du prix.");
        byId("cancel-open").click();
        assertThat(words(byId("cancel-terms").getText())).contains("50 % du prix");
        byId("cancel").click();
        assertThat(textOf("done", "annulé")).startsWith("Votre rendez-vous est annulé.");
        assertThat(byId("state").getText()).isEqualTo("Annulé par le client");
    }

    @Test
    @DisplayName("BK-7, CX-6 the client moves their booking from the link page to another free time of the same day")
    void linkPageMoves() {
        Agenda agenda = agenda(unique("max"), "max's long password", "AUTOMATIC");
        send(agenda.session(), HttpRequest.PUT(P + "/settings", Map.of("clientsMayMove", true)));
        Map<?, ?> booking = bookThroughApi(agenda, "Jules Petit", LocalTime.of(9, 0));
        open(URI.create((String) booking.get("clientLink")).getPath());

        byId("move-open").click();
        pickDate("move-date", agenda.date());
        waiting.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='move-slots']/button[normalize-space()='11:00']"))).click();
        byId("move-submit").click();
        assertThat(textOf("done", "déplacé")).isEqualTo("Votre rendez-vous est déplacé.");
        assertThat(byId("when").getText()).contains("11:00");
        assertThat(send(agenda.session(), HttpRequest.GET(P + "/bookings/" + booking.get("id"))).get("start"))
                .isEqualTo(agenda.date().atTime(11, 0).atZone(PARIS).toInstant().toString());
    }

    @Test
    @DisplayName("CX-7 from the link page the client joins the waiting list, then takes the earlier time an alert's link offers")
    void linkPageWaitlistAndOffer() {
        Agenda agenda = agenda(unique("lea"), "lea's long password", "AUTOMATIC");
        send(agenda.session(), HttpRequest.PUT(P + "/settings", Map.of("clientsMayMove", true, "waitlistAlerts", true)));
        Map<?, ?> booking = bookThroughApi(agenda, "Nina Roux", LocalTime.of(11, 0));
        String path = URI.create((String) booking.get("clientLink")).getPath();
        open(path);

        waiting.until(ExpectedConditions.elementToBeClickable(By.id("waitlist-join"))).click();
        assertThat(textOf("waitlist-note", "liste d'attente")).contains("plus tôt");
        assertThat(browser.findElement(By.id("offer")).isDisplayed()).as("no offer without an alert's link").isFalse();

        String nine = agenda.date().atTime(9, 0).atZone(PARIS).toInstant().toString();
        open(path + "?offer=" + nine); // the link of a waitlist alert (MessageTemplatesTest shows the e-mail's)
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("offer-accept")));
        assertThat(byId("offer-text").getText()).contains("09:00");
        byId("offer-accept").click();
        assertThat(textOf("done", "déplacé")).contains("09:00");
        assertThat(send(agenda.session(), HttpRequest.GET(P + "/bookings/" + booking.get("id"))).get("start")).isEqualTo(nine);
    }

    /** PAGE-2: the layout fits a phone: nothing is wider than the window, no sideways scrolling. */
    void assertFitsTheWindow() {
        assertThat(((Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue()).isZero();
    }

    /** Sets a date input as a person picking a date does (typing into date inputs depends on the browser's locale). */
    void pickDate(String id, LocalDate date) {
        ((JavascriptExecutor) browser).executeScript(
                "const d = document.getElementById(arguments[0]); d.value = arguments[1];"
                        + " d.dispatchEvent(new Event('change', {bubbles: true}));", id, date.toString());
    }

    @Test
    @DisplayName("ACC-1, ACC-3 password reset: ask for a link, open it, choose a new password, log in with it")
    void resetPassword() {
        String email = unique("nora");
        AccountsTestSupport.session(http, stores, email, "nora's first password");
        open("/reset-password");
        type("email", email);
        byId("ask-submit").click();
        assertThat(textOf("ask-done", "lien")).isEqualTo("Si un compte a cet e-mail, un lien est en route.");

        open("/reset-password?token=" + AccountsTestSupport.tokenFrom(stores, MessageKind.PASSWORD_RESET));
        type("password", "nora's second password");
        type("again", "nora's other password");
        byId("choose-submit").click();
        assertThat(textOf("choose-error", "diffèrent")).contains("à nouveau");
        assertThat(byId("again").getDomAttribute("aria-invalid")).isEqualTo("true");
        type("again", "nora's second password");
        byId("choose-submit").click();
        byId("chosen").findElement(By.linkText("Se connecter")).click();
        logInInBrowser(email, "nora's second password");
    }

    @Test
    @DisplayName("PAGE-1, PAGE-2, BK-1, BK-8 a client books from the public page on a phone-sized window: presentation, addresses,"
            + " activities with prices, free times in the practitioner's zone, the practitioner's question; a retry after a lost"
            + " answer reuses the Idempotency-Key and books once; then the client gets the link")
    void clientBooksFromPublicPage() {
        String slug = "dr-" + UUID.randomUUID().toString().substring(0, 8);
        Agenda agenda = agenda(unique("rose"), "rose's long password", "MANUAL");
        send(agenda.session(), HttpRequest.PUT(P + "/profile", Map.of("slug", slug,
                "presentation", "<b>Osteopath</b> in Lyon", "addresses", List.of(Map.of("label", "Office", "address", "1 rue de la Paix")))));
        send(agenda.session(), HttpRequest.PUT(P + "/settings", Map.of("form",
                List.of(Map.of("key", "reason", "label", "Reason for the visit", "required", true, "maxLength", 200)))));

        chromium.use(Browser.Window.PHONE);
        open("/p/" + slug);
        assertThat(textOf("presentation", "Osteopath")).isEqualTo("<b>Osteopath</b> in Lyon");
        assertThat(byId("addresses").getText()).contains("Office").contains("1 rue de la Paix");
        assertThat(words(byId("activities").getText())).contains("Shiatsu").contains("60 min").contains("60,00 €").contains("Au cabinet");
        assertThat(byId("zone-note").getText()).contains("Europe/Paris");
        assertFitsTheWindow();

        // Today has no opening: the page offers the next day that has room instead of leaving the client to guess.
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("next-free-day"))).click();
        waiting.until(d -> agenda.date().toString().equals(byId("date").getDomProperty("value")));
        waiting.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='slots']/button[normalize-space()='10:00']"))).click();
        screenshot("public-page-phone");
        assertThat(browser.findElement(By.id("error")).getText()).isEmpty();
        type("client-name", "Zoé Leroy");
        type("client-email", unique("zoe"));
        type("client-phone", "06 12 34 56 78");
        byId("book-submit").click();
        assertThat(textOf("book-error", "obligatoires")).isEqualTo("Répondez à toutes les questions obligatoires.");
        assertThat(byId("answer-reason").getDomAttribute("aria-invalid")).as("the field the problem names").isEqualTo("true");
        type("answer-reason", "Back pain");

        // BK-8: the booking is made but its answer is lost on the way; the retry sends the same key and books once.
        ((JavascriptExecutor) browser).executeScript("""
                const original = window.fetch;
                window.sentKeys = [];
                let lost = false;
                window.fetch = async (url, init) => {
                  const key = init && init.headers && init.headers['Idempotency-Key'];
                  if (key) window.sentKeys.push(key);
                  const answer = await original(url, init);
                  if (key && !lost) { lost = true; throw new TypeError('connection reset'); }
                  return answer;
                };""");
        byId("book-submit").click();
        assertThat(textOf("book-error", "réessayer")).startsWith("Le serveur ne répond pas").endsWith("Vous pouvez réessayer.");
        byId("book-submit").click();

        assertThat(textOf("booked-summary", "Shiatsu")).contains("10:00").contains("confirme bientôt");
        screenshot("public-page-booked-phone");
        assertFitsTheWindow(); // the long link too
        String link = byId("booked-link").getText();
        assertThat(link).contains("/b/");
        Map<?, ?> request = http.retrieve(HttpRequest.GET(P + "/requests").bearerAuth(agenda.session()),
                Argument.listOf(Map.class)).get(0);
        assertThat(request.get("answers")).isEqualTo(Map.of("reason", "Back pain"));
        assertThat(((Map<?, ?>) request.get("client")).get("name")).isEqualTo("Zoé Leroy");
        assertThat(((Map<?, ?>) request.get("client")).get("language")).as("the page's language goes with the booking").isEqualTo("fr");
        assertThat(http.retrieve(HttpRequest.GET(P + "/requests").bearerAuth(agenda.session()), Argument.listOf(Map.class)))
                .hasSize(1);
        List<?> keys = (List<?>) ((JavascriptExecutor) browser).executeScript("return window.sentKeys");
        assertThat(keys).hasSize(2);
        assertThat(keys.get(1)).isEqualTo(keys.get(0));

        open(URI.create(link).getPath());
        assertThat(textOf("state", "En attente")).isEqualTo("En attente de confirmation");
    }

    @Test
    @DisplayName("PAGE-3 with ?embed=1 the public page shows the booking form without the site's chrome; an unknown slug says so")
    void embeddedForm() {
        String slug = "embed-" + UUID.randomUUID().toString().substring(0, 8);
        Agenda agenda = agenda(unique("ivy"), "ivy's long password", "AUTOMATIC");
        send(agenda.session(), HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "presentation", "Yoga")));
        open("/p/" + slug + "?embed=1");
        assertThat(byId("book").isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("who")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("header.site")).isDisplayed()).isFalse();

        open("/p/nobody-here");
        assertThat(textOf("error", "page de réservation")).isEqualTo("Il n'y a pas de page de réservation à cette adresse.");
    }

    @Test
    @DisplayName("PAGE-3 only the public page may be framed; every page has a CSP without inline scripts, nosniff and no referrer")
    void securityHeaders() {
        for (String path : List.of("/", "/login", "/register", "/verify-email", "/reset-password", "/dashboard", "/b/x", "/p/x")) {
            HttpResponse<?> page;
            try {
                page = http.exchange(HttpRequest.GET(path), String.class);
            } catch (HttpClientResponseException notFound) {
                // A link or a slug that leads nowhere is the same page with a 404, headers and all.
                assertThat(path).as("only /b/x and /p/x lead nowhere").matches("/[bp]/x");
                assertThat(notFound.getStatus().getCode()).isEqualTo(404);
                page = notFound.getResponse();
            }
            String policy = page.header("Content-Security-Policy");
            assertThat(policy).as(path).contains("script-src 'self'").doesNotContain("unsafe-inline");
            assertThat(policy).as(path).contains(path.startsWith("/p/") ? "frame-ancestors *" : "frame-ancestors 'none'");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(page.getContentType()).map(Object::toString).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        }
        HttpResponse<String> script = http.exchange(HttpRequest.GET("/assets/common.js"), String.class);
        assertThat(script.getContentType()).map(Object::toString).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(AccountsTestSupport.failure(http, HttpRequest.GET("/assets/..%2Fapplication.yml")).getStatus().getCode())
                .isEqualTo(404);
        HttpResponse<String> catalog = http.exchange(HttpRequest.GET("/assets/i18n/fr/common.json"), String.class);
        assertThat(catalog.getContentType()).map(Object::toString).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(catalog.body()).contains("problem.generic");
        for (String wrong : new String[] {"/assets/i18n/de/common.json", "/assets/i18n/fr/..%2Fen%2Fcommon.json", "/assets/i18n/fr/none.json"}) {
            assertThat(AccountsTestSupport.failure(http, HttpRequest.GET(wrong)).getStatus().getCode()).as(wrong).isEqualTo(404);
        }
    }

    @Test
    @DisplayName("PAGE-4, INV-1, INV-2 the Invoices tab records the legal identity, makes a draft, issues it and its credit note; the Revenue tab shows the period's turnover")
    void dashboardInvoicesAndRevenue() {
        String email = unique("ines");
        Agenda agenda = agenda(email, "ines's long password", "AUTOMATIC");
        Map<?, ?> booking = bookThroughApi(agenda, "Claire Dubois", LocalTime.of(9, 0));
        send(agenda.session(), HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/on-site-payments",
                Map.of("method", "CASH", "amount", "60.00", "paidOn", LocalDate.now(PARIS).toString())));

        logInInBrowser(email, "ines's long password");
        byId("tab-invoices").click();
        type("inv-legal-name", "Ines Moreau");
        type("inv-street", "3 rue Oberkampf");
        type("inv-postcode", "75011");
        type("inv-city", "Paris");
        type("inv-siret", "73282932000074");
        browser.findElement(By.cssSelector("#identity-form button[type=submit]")).click();
        assertThat(textOf("done", "Identité légale enregistrée")).isEqualTo("Identité légale enregistrée : Ines Moreau EI.");

        type("inv-buyer", "Claire Dubois");
        type("inv-buyer-email", "claire@example.org");
        type("inv-description", "Séance de shiatsu");
        type("inv-price", "60.00");
        browser.findElement(By.cssSelector("#invoice-form button[type=submit]")).click();
        textOf("done", "Brouillon enregistré");
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#invoices-list [data-action=issue]"))).click();
        String year = String.valueOf(LocalDate.now(PARIS).getYear());
        assertThat(textOf("done", "émise")).isEqualTo("Facture " + year + "-0001 émise.");
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#invoices-list [data-action=credit]"))).click();
        assertThat(textOf("done", "Avoir")).isEqualTo("Avoir " + year + "-0002 émis.");
        assertThat(textOf("invoices-list", year + "-0002")).contains(year + "-0001").contains("Avoir sur " + year + "-0001")
                .contains("60,00 €");
        assertThat(browser.findElements(By.cssSelector("#invoices-list a[data-action=download]"))).hasSize(2);
        screenshot("dashboard-invoices");

        // The client downloads it from their booking link once one is issued for the booking.
        Map<?, ?> fromBooking = send(agenda.session(), HttpRequest.POST(P + "/bookings/" + booking.get("id") + "/invoice", ""));
        send(agenda.session(), HttpRequest.POST(P + "/invoices/" + fromBooking.get("id") + "/issue", ""));
        String link = (String) booking.get("clientLink");
        open("/b/" + link.substring(link.lastIndexOf('/') + 1));
        assertThat(byId("invoice").getDomAttribute("href")).endsWith("/invoice");
        open("/dashboard");
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));

        byId("tab-revenue").click();
        assertThat(textOf("revenue-total", "60,00")).isEqualTo("60,00 €");
        assertThat(words(byId("revenue-result").getText())).contains("sur place : 60,00 €").contains("Shiatsu : 60,00 €")
                .contains("CASH : 60,00 €");
        screenshot("dashboard-revenue");
    }

    @Test
    @DisplayName("issue 14 the account pages speak French by default and English through the switch, which the next pages keep;"
            + " a refusal is a sentence for people, never the API's detail")
    void accountPagesInEnglish() {
        open("/login");
        assertThat(textOf("submit", "Se connecter")).isEqualTo("Se connecter");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(byId("language-fr").getDomAttribute("aria-pressed")).isEqualTo("true");
        switchLanguage("en");
        assertThat(byId("submit").getText()).isEqualTo("Log in");
        assertThat(browser.getTitle()).isEqualTo("Log in · Rendezvous");
        type("email", unique("nobody"));
        type("password", "a wrong password, surely");
        byId("submit").click();
        assertThat(textOf("error", "wrong")).isEqualTo("The e-mail or password is wrong.");

        open("/register"); // the choice is remembered from page to page
        assertThat(textOf("submit", "Register")).isEqualTo("Register");
        waiting.until(d -> "en".equals(byId("language").getDomProperty("value")));
        open("/");
        assertThat(browser.findElement(By.cssSelector("nav a[href='/register']")).getText()).isEqualTo("Register");
        switchLanguage("fr");
        assertThat(browser.findElement(By.cssSelector("nav a[href='/register']")).getText()).isEqualTo("Créer un compte");
    }

    @Test
    @DisplayName("issue 14 a client switches the public page to English and books: the booking carries English, so the messages"
            + " are in English, and the link page speaks English even in a French browser with no choice remembered")
    void clientBooksInEnglish() {
        String slug = "en-" + UUID.randomUUID().toString().substring(0, 8);
        Agenda agenda = agenda(unique("amy"), "amy's long password", "MANUAL");
        send(agenda.session(), HttpRequest.PUT(P + "/profile", Map.of("slug", slug, "presentation", "Shiatsu")));
        open("/p/" + slug);
        assertThat(textOf("book-submit", "Réserver")).isEqualTo("Réserver");
        switchLanguage("en");
        assertThat(textOf("activities", "Shiatsu")).contains("€60.00").contains("In person");
        assertThat(byId("zone-note").getText()).isEqualTo("Times are in Europe/Paris time.");
        waiting.until(ExpectedConditions.elementToBeClickable(By.id("next-free-day"))).click();
        waiting.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//div[@id='slots']/button[normalize-space()='10:00']"))).click();
        type("client-name", "Jane Doe");
        type("client-email", unique("jane"));
        type("client-phone", "06 12 34 56 78");
        byId("book-submit").click();
        assertThat(textOf("booked-summary", "Shiatsu")).contains("The practitioner confirms it soon");
        String link = byId("booked-link").getText();
        Map<?, ?> request = http.retrieve(HttpRequest.GET(P + "/requests").bearerAuth(agenda.session()),
                Argument.listOf(Map.class)).get(0);
        assertThat(((Map<?, ?>) request.get("client")).get("language")).isEqualTo("en");

        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        open(URI.create(link).getPath());
        assertThat(textOf("state", "Waiting")).isEqualTo("Waiting for confirmation");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(byId("price").getText()).isEqualTo("€60.00");
    }

    @Test
    @DisplayName("issue 14 switching the dashboard to English saves the account's language (the e-mails follow), and the"
            + " dashboard then opens in English from the account, in a French browser")
    void dashboardLanguagePersists() {
        String email = unique("tom");
        Agenda agenda = agenda(email, "tom's long password", "MANUAL");
        bookThroughApi(agenda, "Nina Roux", LocalTime.of(10, 0));
        logInInBrowser(email, "tom's long password");
        assertThat(byId("tab-requests").getText()).startsWith("Demandes");
        assertThat(send(agenda.session(), HttpRequest.GET(P + "/profile")).get("language")).isEqualTo("fr");

        switchLanguage("en");
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(send(agenda.session(), HttpRequest.GET(P + "/profile")).get("language")).isEqualTo("en");
        assertThat(byId("tab-requests").getText()).startsWith("Requests");
        byId("tab-requests").click();
        assertThat(textOf("requests-list", "Nina Roux")).contains("Waiting for confirmation").contains("Confirm");

        ((JavascriptExecutor) browser).executeScript("localStorage.clear()");
        open("/dashboard");
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        assertThat(byId("logout").getText()).isEqualTo("Log out");
        assertThat(byId("language-en").getDomAttribute("aria-pressed")).isEqualTo("true");
    }
}
