package org.rendezvous.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.app.AccountsTestSupport.failure;
import static org.rendezvous.app.AccountsTestSupport.problemBody;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** What a client does through their booking link alone (ACC-2): move the booking, wait for an earlier time, take it. */
@MicronautTest
class ClientLinkApiTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    static final String LINKS = "/api/public/bookings/";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    Rendezvous engine;

    BlockingHttpClient http;
    PractitionerId anna;
    Activity shiatsu;
    LocalDate monday;

    @BeforeEach
    void agenda() {
        http = client.toBlocking();
        anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin",
                "anna-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org", PARIS)).id();
        shiatsu = engine.agenda().addActivity(new AddActivityCommand(anna, "Shiatsu", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        monday = LocalDate.now(PARIS).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
        engine.agenda().addOpening(anna, OpeningSpec.weekly(DayOfWeek.MONDAY, LocalDate.now(PARIS), LocalTime.of(9, 0),
                LocalTime.of(12, 0))).orElseThrow();
    }

    void settings(UnaryOperator<AgendaSettings> change) {
        engine.practitioners().changeSettings(anna, change.apply(engine.practitioners().settings(anna).orElseThrow()))
                .orElseThrow();
    }

    String at(int hour) {
        return monday.atTime(hour, 0).atZone(PARIS).toInstant().toString();
    }

    /** Books on the public page as {@code who}: the secret of the booking link. */
    String book(String who, int hour) {
        Map<?, ?> booking = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + anna + "/bookings", Map.of(
                "activityId", shiatsu.id().toString(), "start", at(hour), "mode", "IN_PERSON",
                "client", Map.of("name", who, "email", who.toLowerCase() + "@example.org", "phone", "+33 6 12 34 56 78")))
                .header("Idempotency-Key", "book-" + who + "-" + anna), Map.class);
        String link = (String) booking.get("clientLink");
        return link.substring(link.lastIndexOf('/') + 1);
    }

    Map<?, ?> read(String token) {
        return http.retrieve(HttpRequest.GET(LINKS + token), Map.class);
    }

    Map<?, ?> move(String token, String newStart, String key) {
        return http.retrieve(HttpRequest.POST(LINKS + token + "/move", Map.of("newStart", newStart))
                .header("Idempotency-Key", key), Map.class);
    }

    HttpRequest<?> accept(String token, String offeredStart, String key) {
        return HttpRequest.POST(LINKS + token + "/waitlist/offer/accept", Map.of("offeredStart", offeredStart))
                .header("Idempotency-Key", key);
    }

    List<String> freeStarts() {
        Map<?, ?> availability = http.retrieve(HttpRequest.GET("/api/public/practitioners/" + anna + "/availability?activityId="
                + shiatsu.id() + "&from=" + monday + "&to=" + monday), Map.class);
        return ((List<?>) availability.get("slots")).stream().map(s -> (String) ((Map<?, ?>) s).get("start")).toList();
    }

    @Test
    @DisplayName("issue 14, NOT-4 the booking keeps the language of the page the client booked on (French when none is sent);"
            + " the link's view gives it, so the link page speaks it; a language the app does not speak is a 400 naming the field")
    void theLinkGivesTheClientsLanguage() {
        assertThat(read(book("Chloe", 9)).get("language")).isEqualTo("fr");
        Map<?, ?> english = http.retrieve(HttpRequest.POST("/api/public/practitioners/" + anna + "/bookings", Map.of(
                "activityId", shiatsu.id().toString(), "start", at(10), "mode", "IN_PERSON",
                "client", Map.of("name", "Jane", "email", "jane@example.org", "phone", "+33 6 12 34 56 78", "language", "en")))
                .header("Idempotency-Key", "book-jane-" + anna), Map.class);
        String link = (String) english.get("clientLink");
        assertThat(read(link.substring(link.lastIndexOf('/') + 1)).get("language")).isEqualTo("en");

        var refused = failure(http, HttpRequest.POST("/api/public/practitioners/" + anna + "/bookings", Map.of(
                "activityId", shiatsu.id().toString(), "start", at(11), "mode", "IN_PERSON",
                "client", Map.of("name", "Kurt", "email", "kurt@example.org", "phone", "+33 6 12 34 56 78", "language", "de")))
                .header("Idempotency-Key", "book-kurt-" + anna));
        assertThat(problemBody(refused, 400)).contains("\"field\":\"client.language\"");
    }

    @Test
    @DisplayName("BK-7, BK-8 the client moves their booking through the link: the new seat is taken, the old one freed, state and price kept, once per key")
    void clientMovesTheirBooking() {
        String token = book("Chloe", 9);
        Map<?, ?> before = read(token);

        Map<?, ?> moved = move(token, at(11), "move-1");
        Map<?, ?> replay = move(token, at(11), "move-1");

        assertThat(moved.get("start")).isEqualTo(at(11));
        assertThat(moved.get("id")).isEqualTo(before.get("id"));
        assertThat(moved.get("state")).isEqualTo(before.get("state"));
        assertThat(moved.get("price")).isEqualTo(before.get("price"));
        assertThat(replay).isEqualTo(moved);
        assertThat(freeStarts()).containsExactly(at(9), at(10));
        assertThat(read(token).get("start")).isEqualTo(at(11));
    }

    @Test
    @DisplayName("BK-7, AG-7 a move to a full time is refused (409 slot-full) and the booking keeps its seat")
    void moveToAFullTimeIsRefused() {
        String chloe = book("Chloe", 9);
        book("Dan", 11);

        String body = problemBody(failure(http, HttpRequest.POST(LINKS + chloe + "/move", Map.of("newStart", at(11)))
                .header("Idempotency-Key", "move-full")), 409);

        assertThat(body).contains("problems/slot-full");
        assertThat(read(chloe).get("start")).isEqualTo(at(9));
        assertThat(freeStarts()).containsExactly(at(10));
    }

    @Test
    @DisplayName("CX-6 when the practitioner does not let clients move bookings, the move is refused (422 move-not-allowed)")
    void moveNotAllowed() {
        settings(s -> s.withClientSelfService(true, false));
        String token = book("Chloe", 9);

        String body = problemBody(failure(http, HttpRequest.POST(LINKS + token + "/move", Map.of("newStart", at(10)))
                .header("Idempotency-Key", "move-2")), 422);

        assertThat(body).contains("problems/move-not-allowed");
        assertThat(read(token).get("start")).isEqualTo(at(9));
    }

    @Test
    @DisplayName("BK-7, CX-1 a move after the cancellation deadline is refused (422 move-too-late) and changes nothing")
    void moveAfterTheDeadline() {
        settings(s -> s.withCancellationDeadline(Duration.ofDays(30)));
        String token = book("Chloe", 9);

        String body = problemBody(failure(http, HttpRequest.POST(LINKS + token + "/move", Map.of("newStart", at(10)))
                .header("Idempotency-Key", "move-3")), 422);

        assertThat(body).contains("problems/move-too-late").contains("\"field\":\"newStart\"");
        assertThat(read(token).get("start")).isEqualTo(at(9));
    }

    @Test
    @DisplayName("CX-7 early-availability alerts: refused while the practitioner has them off; on, the client joins once, leaves, and cannot leave twice")
    void joinAndLeaveTheWaitlist() {
        String token = book("Chloe", 11);
        assertThat(problemBody(failure(http, HttpRequest.POST(LINKS + token + "/waitlist", "")), 422))
                .contains("problems/waitlist-disabled");

        settings(s -> s.withWaitlistAlerts(true));
        Map<?, ?> joined = http.retrieve(HttpRequest.POST(LINKS + token + "/waitlist", ""), Map.class);
        Map<?, ?> again = http.retrieve(HttpRequest.POST(LINKS + token + "/waitlist", ""), Map.class);
        assertThat(joined.get("bookingId")).isEqualTo(read(token).get("id"));
        assertThat(again).isEqualTo(joined);

        HttpResponse<?> left = http.exchange(HttpRequest.DELETE(LINKS + token + "/waitlist"));
        assertThat(left.getStatus().getCode()).isEqualTo(204);
        assertThat(problemBody(failure(http, HttpRequest.DELETE(LINKS + token + "/waitlist")), 422))
                .contains("problems/not-on-waitlist");
        assertThat(problemBody(failure(http, accept(token, at(9), "offer-0")), 422)).contains("problems/not-on-waitlist");
    }

    @Test
    @DisplayName("CX-7, BK-7 a freed earlier time goes to the first waitlisted client who accepts it; the second is refused (409); a later time is no offer")
    void firstToAcceptTakesTheFreedTime() {
        settings(s -> s.withWaitlistAlerts(true));
        String early = book("Emma", 9);
        String chloe = book("Chloe", 10);
        String dan = book("Dan", 11);
        http.retrieve(HttpRequest.POST(LINKS + chloe + "/waitlist", ""), Map.class);
        http.retrieve(HttpRequest.POST(LINKS + dan + "/waitlist", ""), Map.class);
        assertThat(problemBody(failure(http, accept(chloe, at(11), "offer-later")), 422)).contains("problems/not-earlier");

        http.retrieve(HttpRequest.POST(LINKS + early + "/cancel", "").header("Idempotency-Key", "cancel-emma"), Map.class);
        Map<?, ?> taken = http.retrieve(accept(dan, at(9), "offer-dan"), Map.class);
        String second = problemBody(failure(http, accept(chloe, at(9), "offer-chloe")), 409);

        assertThat(taken.get("start")).isEqualTo(at(9));
        assertThat(second).contains("problems/slot-full");
        assertThat(read(chloe).get("start")).isEqualTo(at(10));
        assertThat(freeStarts()).containsExactly(at(11));
        // Having moved, Dan's booking no longer waits for an earlier time.
        assertThat(problemBody(failure(http, HttpRequest.DELETE(LINKS + dan + "/waitlist")), 422)).contains("problems/not-on-waitlist");
    }

    @Test
    @DisplayName("BK-7, PAGE-1 the free times to move to come through the link, for the booking's activity, even while the practitioner's page is offline")
    void freeTimesThroughTheLink() {
        String token = book("Chloe", 9);
        org.rendezvous.core.practitioner.Practitioner practitioner = engine.practitioners().find(anna).orElseThrow();
        engine.practitioners().changeProfile(new org.rendezvous.core.practitioner.ChangeProfileCommand(anna,
                practitioner.name(), practitioner.phone(), practitioner.language(), java.util.Optional.empty(), "",
                List.of(), false)).orElseThrow();
        problemBody(failure(http, HttpRequest.GET("/api/public/practitioners/" + anna + "/availability?activityId="
                + shiatsu.id() + "&from=" + monday + "&to=" + monday)), 404);

        Map<?, ?> free = http.retrieve(HttpRequest.GET(LINKS + token + "/availability?from=" + monday + "&to=" + monday),
                Map.class);
        assertThat(free.get("activityId")).isEqualTo(shiatsu.id().toString());
        assertThat(((List<?>) free.get("slots")).stream().map(slot -> (String) ((Map<?, ?>) slot).get("start")).toList())
                .containsExactly(at(10), at(11)); // 09:00 is Chloe's own seat
        problemBody(failure(http, HttpRequest.GET(LINKS + "no-such-link-" + UUID.randomUUID() + "/availability?from="
                + monday + "&to=" + monday)), 404);
    }

    @Test
    @DisplayName("ACC-2 a wrong link is 404 on every client-link route, and bad input is a 400 naming the field")
    void wrongLinkAndBadInput() {
        String wrong = "no-such-link-" + UUID.randomUUID();
        problemBody(failure(http, HttpRequest.POST(LINKS + wrong + "/move", Map.of("newStart", at(10)))
                .header("Idempotency-Key", "k")), 404);
        problemBody(failure(http, HttpRequest.POST(LINKS + wrong + "/waitlist", "")), 404);
        problemBody(failure(http, HttpRequest.DELETE(LINKS + wrong + "/waitlist")), 404);
        problemBody(failure(http, accept(wrong, at(9), "k")), 404);

        String token = book("Chloe", 9);
        assertThat(problemBody(failure(http, HttpRequest.POST(LINKS + token + "/move", Map.of())
                .header("Idempotency-Key", "k")), 400)).contains("\"field\":\"newStart\"");
        assertThat(problemBody(failure(http, HttpRequest.POST(LINKS + token + "/move", Map.of("newStart", "next monday"))
                .header("Idempotency-Key", "k")), 400)).isNotEmpty();
        problemBody(failure(http, HttpRequest.POST(LINKS + token + "/move", Map.of("newStart", at(10)))), 400);
        assertThat(problemBody(failure(http, HttpRequest.POST(LINKS + token + "/waitlist/offer/accept", Map.of())
                .header("Idempotency-Key", "k")), 400)).contains("\"field\":\"offeredStart\"");
        assertThat(read(token).get("start")).isEqualTo(at(9));
    }
}
