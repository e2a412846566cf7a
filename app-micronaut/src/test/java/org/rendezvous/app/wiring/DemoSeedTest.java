package org.rendezvous.app.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** RENDEZVOUS_DEMO: the host starts with a demo practitioner to try, made once. */
@MicronautTest
@Property(name = "rendezvous.demo", value = "true")
class DemoSeedTest {

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    DemoSeed seeder;

    BlockingHttpClient http;
    String session;
    String practitionerId;
    LocalDate nextMonday;

    @BeforeEach
    void logIn() {
        http = client.toBlocking();
        Map<?, ?> login = http.retrieve(HttpRequest.POST("/api/auth/login",
                Map.of("email", DemoSeed.EMAIL, "password", DemoSeed.PASSWORD)), Map.class);
        assertThat(login.get("emailVerified")).isEqualTo(true);
        session = (String) login.get("accessToken");
        practitionerId = (String) login.get("practitionerId");
        nextMonday = LocalDate.now(DemoSeed.ZONE).plusDays(7).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    }

    List<Map> list(String uri) {
        return http.retrieve(HttpRequest.GET(uri).bearerAuth(session), Argument.listOf(Map.class));
    }

    /** Everything the seed makes, as the practitioner's API shows it. */
    String everything() {
        return List.of(list("/api/practitioner/activities"), list("/api/practitioner/openings"),
                list("/api/practitioner/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z"),
                list("/api/practitioner/agenda/week/" + nextMonday), list("/api/practitioner/clients")).toString();
    }

    @Test
    @DisplayName("the demo practitioner logs in with the printed password and has activities, openings, a day off and bookings in several states")
    void demoDataIsThere() {
        List<Map> activities = http.retrieve(HttpRequest.GET("/api/public/practitioners/" + practitionerId + "/activities"),
                Argument.listOf(Map.class));
        assertThat(activities).extracting(a -> a.get("name")).containsExactlyInAnyOrder("Shiatsu", "Coaching call", "Group yoga");
        assertThat(activities).extracting(a -> a.get("durationMinutes")).doesNotHaveDuplicates();
        // PAGE-1: the demo's public booking page, whose address the start-up log prints.
        assertThat(http.retrieve(HttpRequest.GET("/api/public/pages/" + DemoSeed.SLUG), Map.class).get("practitionerId"))
                .isEqualTo(practitionerId);
        assertThat(list("/api/practitioner/openings")).hasSize(11).anySatisfy(o -> assertThat(o.get("capacity")).isEqualTo(8));
        assertThat(list("/api/practitioner/unavailabilities?from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")).hasSize(1);

        List<Map> week = list("/api/practitioner/agenda/week/" + nextMonday);
        assertThat(week).extracting(b -> b.get("state"))
                .contains("CONFIRMED", "PENDING", "CANCELLED_BY_CLIENT");
        assertThat(week).filteredOn(b -> "VIDEO".equals(b.get("mode")))
                .singleElement().satisfies(b -> assertThat(((Map<?, ?>) b.get("paid")).get("amount")).isEqualTo("35.00"));
        assertThat(week).filteredOn(b -> "CONFIRMED".equals(b.get("state")) && "IN_PERSON".equals(b.get("mode")))
                .hasSizeGreaterThanOrEqualTo(4);
        assertThat(list("/api/practitioner/requests")).hasSize(1);
    }

    @Test
    @DisplayName("seeding again, as at a restart on the same database, finds the demo account and adds nothing")
    void secondRunAddsNothing() {
        String before = everything();

        DemoSeed.Seeded again = seeder.seed();

        assertThat(again.created()).isFalse();
        assertThat(again.practitioner().toString()).isEqualTo(practitionerId);
        assertThat(again.bookingLinks()).isNotEmpty();
        assertThat(everything()).isEqualTo(before);
    }
}
