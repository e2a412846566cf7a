package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rendezvous.core.port.Stores;

/**
 * Issue 14, item 2: everything a practitioner sets, from the dashboard and without JSON, driven in a real
 * headless Chromium (the shared {@link Browser}: each flow on a phone and on a desktop, each tab it opens checked
 * with axe-core, issue 14 item 5): activities, openings and unavailabilities,
 * settings, the booking-form builder, a booking entered by hand with the client filled in, moving a booking,
 * the profile with its photo, and the public page's contact phone (the quota sentence: {@link PublicPageQuotaBrowserTest}). Most flows run in
 * French (the default language); the settings flow runs in English.
 */
@MicronautTest(environments = AccountsTestSupport.ENVIRONMENT)
class DashboardSettingsBrowserTest extends DashboardBrowserSupport {

    // Tests

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("AG-2 issue 14 the Activities tab adds an activity, shows a missing or refused field next to it, edits it and deactivates it, in French")
    void activities(Browser.Window window) {
        chromium.use(window);
        String email = unique("lea");
        String session = practitioner(email);
        logIn(email, "fr");
        assertThat(byId("tab-activities").getText()).isEqualTo("Prestations");
        tab("tab-activities", window);
        assertThat(textOf("activities-list", "Aucune")).contains("Aucune prestation");

        // A missing name is named next to its field before anything is sent; a duration the API refuses too.
        byId("activity-name").clear();
        byId("activity-submit").click();
        assertThat(textOf("activity-name-error", "obligatoire")).isEqualTo("Ce champ est obligatoire.");
        type("activity-name", "Shiatsu");
        type("activity-duration", "3");
        byId("activity-submit").click();
        assertThat(someText("activity-duration-error")).isNotBlank();
        assertThat(byId("activity-duration").getDomAttribute("aria-invalid")).isEqualTo("true");
        chromium.assertAccessible("the Activities tab showing a refused field on a " + window);

        type("activity-duration", "45");
        type("activity-price", "55,50");
        byId("activity-mode-VIDEO").click();
        byId("activity-submit").click();
        assertThat(textOf("done", "ajoutée")).isEqualTo("Prestation « Shiatsu » ajoutée.");
        assertThat(textOf("activities-list", "Shiatsu")).contains("45 min").contains("55,50").contains("€").contains("Au cabinet")
                .contains("En visio");
        Map<?, ?> added = list(session, P + "/activities").get(0);
        assertThat(added.get("price")).isEqualTo(Map.of("amount", "55.50", "currency", "EUR"));

        clickable(By.cssSelector("#activities-list [data-action=edit]")).click();
        assertThat(byId("activity-form-title").getText()).isEqualTo("Modifier « Shiatsu »");
        type("activity-name", "Shiatsu doux");
        type("activity-price", "60");
        byId("activity-submit").click();
        assertThat(textOf("done", "enregistrée")).isEqualTo("Prestation « Shiatsu doux » enregistrée.");
        assertThat(textOf("activities-list", "Shiatsu doux")).contains("60,00");

        clickable(By.cssSelector("#activities-list [data-action=deactivate]")).click();
        assertThat(textOf("done", "désactivée")).contains("n'est plus proposée");
        assertThat(textOf("activities-list", "désactivée")).contains("Shiatsu doux");
        assertThat(list(session, P + "/activities").get(0).get("active")).isEqualTo(false);
        clickable(By.cssSelector("#activities-list [data-action=reactivate]"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("AG-3, AG-4, AG-5 issue 14 the Openings tab adds a weekly and a dated opening, deletes one occurrence, clears a date after"
            + " showing how many bookings it leaves outside, and adds and removes an unavailability")
    void openings(Browser.Window window) {
        chromium.use(window);
        String email = unique("marc");
        String session = practitioner(email);
        String practitionerId = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Ostéopathie", 60))).get("id");
        LocalDate monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        LocalDate dated = monday.plusDays(3);
        logIn(email, "fr");
        tab("tab-openings", window);
        assertThat(textOf("openings-list", "Aucune")).contains("Aucune ouverture");

        // Weekly: every Monday from next week, 09:00–12:00, a start every 30 minutes, two seats.
        set("opening-kind", "WEEKLY");
        set("opening-day", "MONDAY");
        set("opening-valid-from", monday.toString());
        set("opening-start", "09:00");
        set("opening-end", "12:00");
        type("opening-step", "30");
        type("opening-capacity", "2");
        byId("opening-submit").click();
        assertThat(textOf("done", "ajoutée")).isEqualTo("Ouverture ajoutée.");
        assertThat(textOf("openings-list", "Chaque lundi")).contains("09:00–12:00").contains("toutes les 30 min")
                .contains("2 place(s)");

        // Dated: one Thursday afternoon, for this activity only, at an address.
        set("opening-kind", "DATED");
        set("opening-date", dated.toString());
        set("opening-start", "14:00");
        set("opening-end", "17:00");
        byId("opening-step").clear();
        byId("opening-capacity").clear();
        byId("opening-activity-" + activityId).click();
        type("opening-address", "3 rue Oberkampf, Paris");
        byId("opening-submit").click();
        waiting.until(d -> d.findElements(By.cssSelector("#openings-list [data-opening]")).size() == 2);
        assertThat(byId("openings-list").getText()).contains("14:00–17:00").contains("Ostéopathie").contains("3 rue Oberkampf");
        List<Map> openings = list(session, P + "/openings");
        assertThat(openings).extracting(o -> o.get("kind")).containsExactlyInAnyOrder("WEEKLY", "DATED");

        // One occurrence of the weekly opening.
        String weeklyId = (String) openings.stream().filter(o -> o.get("kind").equals("WEEKLY")).findFirst().orElseThrow().get("id");
        set("occurrence-" + weeklyId, monday.toString());
        clickable(By.cssSelector("[data-opening='" + weeklyId + "'] [data-action=delete-occurrence]")).click();
        assertThat(textOf("done", "supprimée")).contains("Aucun rendez-vous");
        assertThat(textOf("openings-list", "sauf le")).isNotBlank();
        assertThat(list(session, P + "/openings").stream().filter(o -> o.get("id").equals(weeklyId)).findFirst().orElseThrow()
                .get("skippedDates")).isEqualTo(List.of(monday.toString()));

        // AG-4: clearing the Thursday shows, before anything changes, that one booking would be left outside.
        bookThroughApi(practitionerId, activityId, dated, LocalTime.of(15, 0), "Zoé Leroy", unique("zoe"));
        set("clear-date", dated.toString());
        byId("clear-ask").click();
        assertThat(textOf("clear-count", "1 rendez-vous")).contains("Vider toutes les ouvertures du").contains("restent réservés");
        chromium.assertAccessible("the clearing question on a " + window);
        assertThat(list(session, P + "/openings")).hasSize(2);
        byId("clear-confirm").click();
        assertThat(textOf("done", "supprimées")).contains("1 rendez-vous");
        assertThat(list(session, P + "/openings")).extracting(o -> o.get("kind")).containsExactly("WEEKLY");
        assertThat(list(session, P + "/agenda/day/" + dated)).hasSize(1);

        // AG-5: an unavailability, listed in the practitioner's zone, then removed.
        set("unavailability-from-date", monday.plusDays(7).toString());
        set("unavailability-from-time", "08:00");
        set("unavailability-to-date", monday.plusDays(8).toString());
        set("unavailability-to-time", "18:00");
        type("unavailability-label", "Congrès");
        byId("unavailability-submit").click();
        assertThat(textOf("done", "Indisponibilité ajoutée")).isNotBlank();
        assertThat(textOf("unavailabilities-list", "Congrès")).contains("08:00").contains("18:00");
        List<Map> unavailabilities = list(session, P + "/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z");
        assertThat(unavailabilities.get(0).get("from"))
                .isEqualTo(monday.plusDays(7).atTime(8, 0).atZone(PARIS).toInstant().toString());
        clickable(By.cssSelector("#unavailabilities-list [data-action=delete]")).click();
        assertThat(textOf("done", "supprimée")).isEqualTo("Indisponibilité supprimée.");
        assertThat(list(session, P + "/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("AG-1, AG-6 … AG-8, BK-4, CX-1, CX-4, CX-7 issue 14 the Settings tab saves every setting and reads them back after a reload, in English")
    void settings(Browser.Window window) {
        chromium.use(window);
        String email = unique("sam");
        String session = practitioner(email);
        logIn(email, "en");
        tab("tab-settings", window);
        assertThat(byId("settings-zone").getDomProperty("value")).isEqualTo("Europe/Paris");
        type("settings-zone", "America/Montreal");
        type("settings-spacing", "15");
        type("settings-capacity", "3");
        type("settings-notice", "4");
        type("settings-horizon", "90");
        set("settings-confirmation", "AUTOMATIC");
        type("settings-deadline", "48");
        byId("settings-may-move").click();
        type("settings-no-show", "50");
        type("settings-first-reminder", "24");
        type("settings-second-reminder", "2");
        byId("settings-waitlist").click();
        set("settings-online-payment", "NONE");
        type("settings-payment-window", "20");
        byId("settings-submit").click();
        assertThat(textOf("done", "Settings saved")).contains("next bookings");

        Map<?, ?> saved = send(session, HttpRequest.GET(P + "/settings"));
        assertThat(saved.get("zone")).isEqualTo("America/Montreal");
        assertThat(saved.get("spacingMinutes")).isEqualTo(15);
        assertThat(saved.get("defaultCapacity")).isEqualTo(3);
        assertThat(saved.get("minimumNoticeMinutes")).isEqualTo(240);
        assertThat(saved.get("horizonDays")).isEqualTo(90);
        assertThat(saved.get("confirmation")).isEqualTo("AUTOMATIC");
        assertThat(saved.get("cancellationDeadlineMinutes")).isEqualTo(2880);
        assertThat(saved.get("noShowPercent")).isEqualTo("50");
        assertThat(saved.get("firstReminderMinutes")).isEqualTo(1440);
        assertThat(saved.get("secondReminderMinutes")).isEqualTo(120);
        assertThat(saved.get("paymentWindowMinutes")).isEqualTo(20);

        browser.navigate().refresh();
        waiting.until(d -> "true".equals(d.findElement(By.tagName("body")).getDomAttribute("data-ready")));
        tab("tab-settings", window);
        waiting.until(d -> "America/Montreal".equals(byId("settings-zone").getDomProperty("value")));
        assertThat(byId("settings-spacing").getDomProperty("value")).isEqualTo("15");
        assertThat(byId("settings-notice").getDomProperty("value")).isEqualTo("4");
        assertThat(byId("settings-deadline").getDomProperty("value")).isEqualTo("48");
        assertThat(byId("settings-confirmation").getDomProperty("value")).isEqualTo("AUTOMATIC");
        assertThat(byId("settings-may-move").isSelected()).isEqualTo(Boolean.TRUE.equals(saved.get("clientsMayMove")));
        assertThat(byId("settings-waitlist").isSelected()).isEqualTo(Boolean.TRUE.equals(saved.get("waitlistAlerts")));

        // A zone that does not exist: the API's refusal is shown next to the field, in English.
        type("settings-zone", "Mars/Olympus");
        byId("settings-submit").click();
        assertThat(someText("settings-zone-error")).isNotBlank();
        assertThat(textOf("error", "Check the form")).isNotBlank();
        chromium.assertAccessible("the Settings tab showing a refused field on a " + window);
        assertThat(send(session, HttpRequest.GET(P + "/settings")).get("zone")).isEqualTo("America/Montreal");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("BK-1 issue 14 a question added with the form builder appears, required, on the public booking form; reordered and removed")
    void formBuilder(Browser.Window window) {
        chromium.use(window);
        String email = unique("ana");
        String session = practitioner(email);
        String slug = "ana-" + UUID.randomUUID().toString().substring(0, 8);
        send(session, HttpRequest.PUT(P + "/profile", Map.of("slug", slug)));
        String practitionerId = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60))).get("id");
        LocalDate date = LocalDate.now(PARIS).plusDays(10);
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", date.toString(), "start", "09:00", "end", "12:00")));
        logIn(email, "fr");
        tab("tab-settings", window);
        assertThat(textOf("form-fields", "Aucune")).contains("Aucune question");

        byId("form-field-submit").click();
        assertThat(textOf("form-field-label-error", "obligatoire")).isNotBlank();
        type("form-field-label", "Motif de la consultation");
        byId("form-field-required").click();
        byId("form-field-submit").click();
        assertThat(textOf("done", "ajoutée")).isEqualTo("Question « Motif de la consultation » ajoutée au formulaire.");
        type("form-field-label", "Antécédents");
        set("form-field-kind", "2000");
        byId("form-field-submit").click();
        waiting.until(d -> d.findElements(By.cssSelector("#form-fields [data-form-field]")).size() == 2);
        assertThat(byId("form-fields").getText()).contains("Motif de la consultation · Réponse courte · obligatoire")
                .contains("Antécédents · Réponse longue · facultative");
        List<?> form = (List<?>) send(session, HttpRequest.GET(P + "/settings")).get("form");
        assertThat(form).hasSize(2);
        assertThat(((Map<?, ?>) form.get(0)).get("key")).isEqualTo("motif-de-la-consultation");
        assertThat(((Map<?, ?>) form.get(0)).get("required")).isEqualTo(true);

        // Reordered: the second first.
        clickable(By.cssSelector("[data-form-field=antecedents] [data-action=up]")).click();
        waiting.until(d -> d.findElements(By.cssSelector("#form-fields [data-form-field]")).get(0)
                .getDomAttribute("data-form-field").equals("antecedents"));

        // The public booking form asks it, required; a booking without the answer is refused naming it.
        browser.get(base + "/p/" + slug);
        WebElement answer = byId("answer-motif-de-la-consultation");
        chromium.assertAccessible("the public page with the builder's questions on a " + window);
        assertThat(answer.getDomProperty("required")).isEqualTo("true");
        assertThat(browser.findElements(By.cssSelector("#questions input"))).hasSize(2);
        String problem = AccountsTestSupport.problemBody(AccountsTestSupport.failure(http,
                HttpRequest.POST("/api/public/practitioners/" + practitionerId + "/bookings", Map.of(
                        "activityId", activityId, "start", date.atTime(10, 0).atZone(PARIS).toInstant().toString(),
                        "mode", "IN_PERSON", "client", Map.of("name", "Zoé Leroy", "email", unique("zoe"),
                                "phone", "+33 6 12 34 56 78"))).header("Idempotency-Key", UUID.randomUUID().toString())), 400);
        assertThat(problem).contains("motif-de-la-consultation");

        // Removed from the dashboard: gone from the public form.
        logIn(email, "fr");
        tab("tab-settings", window);
        clickable(By.cssSelector("[data-form-field=motif-de-la-consultation] [data-action=remove]")).click();
        assertThat(textOf("done", "retirée")).contains("Motif de la consultation");
        browser.get(base + "/p/" + slug);
        byId("answer-antecedents");
        assertThat(browser.findElements(By.id("answer-motif-de-la-consultation"))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("BK-6, BK-7, BK-8 issue 14 a booking entered by hand with the client found by name and filled in, then moved from the detail panel")
    void manualBookingAndMove(Browser.Window window) {
        chromium.use(window);
        String email = unique("eve");
        String session = practitioner(email);
        String practitionerId = (String) send(session, HttpRequest.GET(P + "/profile")).get("id");
        send(session, HttpRequest.PUT(P + "/settings", Map.of("confirmation", "AUTOMATIC")));
        String activityId = (String) send(session, HttpRequest.POST(P + "/activities",
                PractitionerApiTest.activityBody("Shiatsu", 60))).get("id");
        LocalDate date = LocalDate.now(PARIS).plusDays(10);
        send(session, HttpRequest.POST(P + "/openings", Map.of("date", date.toString(), "start", "09:00", "end", "18:00")));
        String zoe = unique("zoe");
        bookThroughApi(practitionerId, activityId, date, LocalTime.of(9, 0), "Zoé Leroy", zoe);
        logIn(email, "fr");
        assertThat(byId("tab-new-booking").getText()).isEqualTo("Nouveau rendez-vous");
        tab("tab-new-booking", window);

        type("manual-search", "leroy");
        assertThat(textOf("client-suggestions-status", "1 client")).isNotBlank();
        clickable(By.cssSelector("#client-suggestions button")).click();
        assertThat(textOf("client-filled", "Zoé Leroy")).contains("fichier clients");
        assertThat(byId("manual-email").getDomProperty("value")).isEqualTo(zoe);
        assertThat(byId("manual-name").getDomProperty("value")).isEqualTo("Zoé Leroy");
        assertThat(byId("manual-phone").getDomProperty("value")).isEqualTo("+33612345678");
        set("manual-activity", activityId);
        set("manual-date", date.toString());
        set("manual-time", "11:00");
        set("manual-mode", "IN_PERSON");
        byId("manual-submit").click();
        assertThat(textOf("done", "enregistré")).startsWith("Rendez-vous de Zoé Leroy enregistré").contains("11:00");
        List<Map> day = list(session, P + "/agenda/day/" + date);
        assertThat(day).hasSize(2);
        Map<?, ?> entered = day.stream().filter(b -> "PRACTITIONER".equals(String.valueOf(b.get("bookedBy")))
                || b.get("start").equals(date.atTime(11, 0).atZone(PARIS).toInstant().toString())).findFirst().orElseThrow();
        assertThat(entered.get("start")).isEqualTo(date.atTime(11, 0).atZone(PARIS).toInstant().toString());
        assertThat(((Map<?, ?>) entered.get("client")).get("email")).isEqualTo(zoe);

        // Moving it from the booking's detail panel, to 15:00 the same day.
        tab("tab-agenda", window);
        set("agenda-date", date.toString());
        clickable(By.cssSelector("#agenda-list [data-booking='" + entered.get("id") + "'] button")).click();
        clickable(By.cssSelector("#detail-actions [data-command=move]")).click();
        set("move-date", date.toString());
        set("move-time", "15:00");
        byId("move-submit").click();
        assertThat(textOf("done", "déplacé")).contains("15:00").contains("Le client est prévenu");
        chromium.assertAccessible("the booking's detail panel after a move on a " + window);
        assertThat(send(session, HttpRequest.GET(P + "/bookings/" + entered.get("id"))).get("start"))
                .isEqualTo(date.atTime(15, 0).atZone(PARIS).toInstant().toString());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Browser.Window.class)
    @DisplayName("ACC-4, PAGE-1 … PAGE-3 issue 14 the Profile tab previews a photo before sending it, refuses a file that is not an image,"
            + " saves phone, addresses and page address, and the public page shows the phone only when allowed")
    void profileAndPhoto(Browser.Window window) throws IOException {
        chromium.use(window);
        String email = unique("ines");
        String session = practitioner(email);
        String slug = "ines-" + UUID.randomUUID().toString().substring(0, 8);
        logIn(email, "fr");
        assertThat(byId("tab-page").getText()).isEqualTo("Profil");
        tab("tab-page", window);
        byId("page-form");

        // Not an image: refused at once, next to the field.
        Path text = Files.createTempFile("not-a-photo", ".txt");
        Files.writeString(text, "hello");
        browser.findElement(By.id("photo-file")).sendKeys(text.toString());
        assertThat(textOf("photo-file-error", "JPEG")).isEqualTo("Choisissez une image JPEG ou PNG.");
        assertThat(byId("photo-upload").isEnabled()).isFalse();

        // A real PNG: previewed, then sent.
        Path png = Files.createTempFile("photo", ".png");
        Files.write(png, java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="));
        browser.findElement(By.id("photo-file")).sendKeys(png.toString());
        assertThat(textOf("photo-state", "Aperçu")).contains("pas encore envoyée");
        chromium.assertAccessible("the Profile tab with a photo's preview on a " + window);
        assertThat(byId("photo-preview").getDomAttribute("src")).startsWith("data:image/png");
        assertThat(send(session, HttpRequest.GET(P + "/profile")).get("photoUrl")).isNull();
        clickable(By.id("photo-upload")).click();
        assertThat(textOf("photo-state", "enregistrée")).isEqualTo("Photo enregistrée.");
        assertThat(send(session, HttpRequest.GET(P + "/profile")).get("photoUrl")).isNotNull();
        assertThat(byId("photo-preview").getDomAttribute("src")).startsWith("/api/practitioner/profile/photo");
        Files.delete(text);
        Files.delete(png);

        type("page-name", "Inès Martin");
        type("page-phone", "06 12 34 56 78");
        type("page-slug", slug);
        type("page-presentation", "Shiatsu à Paris");
        byId("page-address-add").click();
        type("page-address-label-0", "Cabinet");
        type("page-address-0", "3 rue Oberkampf, 75011 Paris");
        byId("page-submit").click();
        assertThat(textOf("done", "enregistrés")).isEqualTo("Profil et page publique enregistrés.");
        assertThat(textOf("page-url", slug)).endsWith("/p/" + slug);
        assertThat(byId("page-snippet").getDomProperty("value")).contains("/p/" + slug + "?embed=1").startsWith("<iframe");
        assertThat(byId("page-state").getText()).isEqualTo("La page est en ligne.");

        browser.get(base + "/p/" + slug);
        assertThat(textOf("addresses", "Oberkampf")).contains("Cabinet");
        assertThat(browser.findElements(By.id("contact-phone"))).isEmpty();

        logIn(email, "fr");
        tab("tab-page", window);
        waiting.until(d -> slug.equals(byId("page-slug").getDomProperty("value")));
        byId("page-phone-on-page").click();
        byId("page-submit").click();
        textOf("done", "enregistrés");
        assertThat(send(session, HttpRequest.GET(P + "/profile")).get("phoneOnPage")).isEqualTo(true);
        browser.get(base + "/p/" + slug);
        assertThat(textOf("contact-phone", "+33612345678")).isEqualTo("Téléphone : +33612345678");
        chromium.assertAccessible("the public page with its contact phone on a " + window);
    }
}
