package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** The public booking API over HTTP: availability, booking with an idempotency key, and errors as problem+json. */
@MicronautTest
class PublicBookingApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Rendezvous engine;

    PractitionerId anna;
    Activity shiatsu;
    LocalDate monday;

    @BeforeEach
    void agenda() {
        anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS)).id();
        shiatsu = engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        engine.agenda().addOpening(anna, OpeningSpec.weekly(DayOfWeek.MONDAY, LocalDate.now(PARIS), LocalTime.of(9, 0),
                LocalTime.of(12, 0))).orElseThrow();
    }

    String base() {
        return "/api/public/practitioners/" + anna;
    }

    Map<String, Object> bookingBody(String start) {
        return Map.of("activityId", shiatsu.id().toString(), "start", start, "mode", "IN_PERSON",
                "client", Map.of("name", "Chloé Dubois", "email", "chloe@example.org", "phone", "+33 6 12 34 56 78"));
    }

    String nineOnMonday() {
        return monday.atTime(9, 0).atZone(PARIS).toInstant().toString();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> post(String uri, Object body, String key) {
        return http.toBlocking().retrieve(HttpRequest.POST(uri, body).header("Idempotency-Key", key), Map.class);
    }

    HttpClientResponseException failure(HttpRequest<?> request) {
        try {
            http.toBlocking().exchange(request, Argument.of(String.class), Argument.of(String.class));
        } catch (HttpClientResponseException e) {
            return e;
        }
        throw new AssertionError("expected an error for " + request);
    }

    void assertProblem(HttpClientResponseException e, int status, String field) {
        assertThat(e.getStatus().getCode()).isEqualTo(status);
        assertThat(e.getResponse().getContentType()).map(MediaType::toString).contains("application/problem+json");
        String body = e.getResponse().getBody(String.class).orElseThrow();
        assertThat(body).contains("\"type\":\"https://rendezvous.dev/problems/").contains("\"status\":" + status);
        if (field != null) {
            assertThat(body).contains("\"field\":\"" + field + "\"");
        }
    }

    @Test
    @DisplayName("AG-9 the public page lists the activities and the free start times")
    void activitiesAndAvailability() {
        List<Map> activities = http.toBlocking().retrieve(HttpRequest.GET(base() + "/activities"), Argument.listOf(Map.class));
        assertThat(activities).hasSize(1);
        Map<?, ?> availability = http.toBlocking().retrieve(HttpRequest.GET(base() + "/availability?activityId=" + shiatsu.id()
                + "&from=" + monday + "&to=" + monday), Map.class);
        assertThat((List<?>) availability.get("slots")).hasSize(3);
        // A day without openings answers an empty list, not a missing field, so clients need no special case.
        Map<?, ?> none = http.toBlocking().retrieve(HttpRequest.GET(base() + "/availability?activityId=" + shiatsu.id()
                + "&from=" + monday.plusDays(6) + "&to=" + monday.plusDays(6)), Map.class);
        assertThat(none.get("slots")).isEqualTo(List.of());
    }

    @Test
    @DisplayName("BK-1, BK-8 a booking is created once per Idempotency-Key and read back by its client link")
    void bookOnceAndReadByLink() {
        Map<String, Object> first = post(base() + "/bookings", bookingBody(nineOnMonday()), "key-1");
        Map<String, Object> replay = post(base() + "/bookings", bookingBody(nineOnMonday()), "key-1");
        assertThat(first.get("state")).isEqualTo("PENDING");
        assertThat(replay.get("id")).isEqualTo(first.get("id"));
        assertThat(((Map<?, ?>) first.get("price")).get("amount")).isEqualTo("60.00");

        String link = (String) first.get("clientLink");
        String token = link.substring(link.lastIndexOf('/') + 1);
        Map<?, ?> read = http.toBlocking().retrieve(HttpRequest.GET("/api/public/bookings/" + token), Map.class);
        assertThat(read.get("id")).isEqualTo(first.get("id"));
    }

    @Test
    @DisplayName("AG-7 a full start time is refused with a stable problem type, and nothing more is stored")
    void fullSlotIsAConflict() {
        post(base() + "/bookings", bookingBody(nineOnMonday()), "key-a");
        HttpClientResponseException e = failure(HttpRequest.POST(base() + "/bookings", bookingBody(nineOnMonday()))
                .header("Idempotency-Key", "key-b"));
        assertProblem(e, 409, "start");
        assertThat(e.getResponse().getBody(String.class).orElseThrow()).contains("problems/slot-full");
        assertThat(engine.agenda().bookingsBetween(anna, monday, monday).orElseThrow()).hasSize(1);
    }

    @Test
    @DisplayName("Bad input: malformed JSON, unknown enum, wrong types, bad ids, bad e-mail, missing key are 400 problems, never a 500")
    void badInputIsA400Problem() {
        assertProblem(failure(HttpRequest.POST(base() + "/bookings", "{not json").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "k")), 400, null);
        Map<String, Object> unknownMode = new java.util.HashMap<>(bookingBody(nineOnMonday()));
        unknownMode.put("mode", "TELEPATHY");
        assertProblem(failure(HttpRequest.POST(base() + "/bookings", unknownMode).header("Idempotency-Key", "k")), 400, null);
        Map<String, Object> wrongType = new java.util.HashMap<>(bookingBody(nineOnMonday()));
        wrongType.put("start", 12);
        assertThat(failure(HttpRequest.POST(base() + "/bookings", wrongType).header("Idempotency-Key", "k")).getStatus().getCode())
                .isBetween(400, 499);
        assertProblem(failure(HttpRequest.POST("/api/public/practitioners/not-an-id/bookings", bookingBody(nineOnMonday()))
                .header("Idempotency-Key", "k")), 400, "practitionerId");
        Map<String, Object> badEmail = new java.util.HashMap<>(bookingBody(nineOnMonday()));
        badEmail.put("client", Map.of("name", "X", "email", "not-an-email", "phone", "+33612345678"));
        assertProblem(failure(HttpRequest.POST(base() + "/bookings", badEmail).header("Idempotency-Key", "k")), 400, "email");
        Map<String, Object> badPhone = new java.util.HashMap<>(bookingBody(nineOnMonday()));
        badPhone.put("client", Map.of("name", "X", "email", "x@example.org", "phone", "12"));
        assertProblem(failure(HttpRequest.POST(base() + "/bookings", badPhone).header("Idempotency-Key", "k")), 400, "client.phone");
        assertProblem(failure(HttpRequest.POST(base() + "/bookings", bookingBody(nineOnMonday()))), 400, null);
        assertProblem(failure(HttpRequest.GET(base() + "/availability?activityId=" + UUID.randomUUID() + "&from=2025-13-01&to="
                + monday)), 400, null);
        assertProblem(failure(HttpRequest.GET("/api/public/no-such-route")), 404, null);
        assertThat(engine.agenda().bookingsBetween(anna, monday, monday).orElseThrow()).isEmpty();
    }

    @Test
    @DisplayName("PAY-1 a prepaid booking is paid on the sandbox provider's page; its event confirms the booking")
    void prepaidBookingPaidOnTheSandboxPage() {
        Map<String, Object> body = new java.util.HashMap<>(bookingBody(nineOnMonday()));
        Activity video = engine.agenda().addActivity(new AddActivityCommand(anna, "Video", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.VIDEO))).orElseThrow();
        body.put("activityId", video.id().toString());
        body.put("mode", "VIDEO");
        Map<String, Object> held = post(base() + "/bookings", body, "key-video");
        assertThat(held.get("state")).isEqualTo("HELD");
        String link = (String) held.get("clientLink");
        String token = link.substring(link.lastIndexOf('/') + 1);

        Map<?, ?> checkout = http.toBlocking().retrieve(HttpRequest.POST("/api/public/bookings/" + token + "/checkout", ""),
                Map.class);
        String page = java.net.URI.create((String) checkout.get("redirect")).getPath();
        // Issue 14: the sandbox's page in French by default, in English when the browser asks for it or the switch says so.
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(page))).contains("<html lang=\"fr\"")
                .contains("Payer 60,00\u00a0€").contains("aucun argent réel");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(page).header("Accept-Language", "en-GB,en;q=0.8,fr;q=0.5")))
                .contains("<html lang=\"en\"").contains("Pay €60.00").contains("no real money moves");
        assertThat(http.toBlocking().retrieve(HttpRequest.GET(page + "?lang=en").header("Accept-Language", "fr")))
                .contains("Pay €60.00").contains("action=\"" + page + "?lang=en\"");
        assertThat(http.toBlocking().retrieve(HttpRequest.POST(page + "?lang=en", "")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED))).contains("<html lang=\"en\"").contains("Thank you");

        Map<?, ?> paid = http.toBlocking().retrieve(HttpRequest.GET("/api/public/bookings/" + token), Map.class);
        assertThat(paid.get("state")).isEqualTo("PENDING");
        assertThat(((Map<?, ?>) paid.get("paid")).get("amount")).isEqualTo("60.00");
    }

    @Test
    @DisplayName("the health endpoint answers")
    void health() {
        HttpResponse<String> response = http.toBlocking().exchange(HttpRequest.GET("/health"), String.class);
        assertThat(response.getStatus().getCode()).isEqualTo(200);
    }
}
