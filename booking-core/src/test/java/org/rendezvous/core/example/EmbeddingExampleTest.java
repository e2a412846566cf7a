package org.rendezvous.core.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.AvailabilityQuery;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OpeningSpec;
import org.rendezvous.core.agenda.Slot;
import org.rendezvous.core.booking.BookCommand;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ConfirmBookingCommand;
import org.rendezvous.core.client.ClientDetails;
import org.rendezvous.core.idempotency.IdempotencyKey;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.Practitioner;
import org.rendezvous.core.practitioner.RegisterPractitionerCommand;

/** The embedding example of the README, run as a test so that the README cannot rot. */
class EmbeddingExampleTest {

    @Test
    @DisplayName("README: the embedding example books, confirms and cancels with the in-memory adapters")
    void embeddingExample() {
        Clock clock = Clock.fixed(Instant.parse("2026-03-02T08:00:00Z"), ZoneOffset.UTC);
        // README:begin
        Rendezvous engine = Rendezvous.builder()
                .stores(InMemoryStores.create())          // or the PostgreSQL adapters
                .clock(clock)                             // Clock.systemUTC() in production
                .build();

        Practitioner anna = engine.practitioners().register(
                RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", ZoneId.of("Europe/Paris")));

        Activity consultation = engine.agenda().addActivity(new AddActivityCommand(anna.id(), "Osteopathy",
                Duration.ofMinutes(45), Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON)))
                .orElseThrow();

        // Every Tuesday from 09:00 to 12:00, Paris time.
        engine.agenda().addOpening(anna.id(),
                OpeningSpec.weekly(DayOfWeek.TUESDAY, LocalDate.of(2026, 3, 1), LocalTime.of(9, 0), LocalTime.of(12, 0)))
                .orElseThrow();

        List<Slot> free = engine.agenda().availability(AvailabilityQuery.of(anna.id(), consultation.id(),
                LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 3))).orElseThrow();
        // 09:00, 09:45, 10:30 and 11:15

        Booking booking = engine.bookings().book(BookCommand.of(anna.id(), consultation.id(), free.get(0).start(),
                ConsultationMode.IN_PERSON, ClientDetails.of("Camille Durand", "camille@example.org", "+33 6 12 34 56 78"),
                Map.of(), IdempotencyKey.of("booking-1")))
                .fold(booked -> booked, rejected -> {
                    throw new IllegalStateException(rejected.reason() + ": " + rejected.detail());
                });
        // PENDING: the practitioner confirms by hand unless automatic confirmation is on

        engine.bookings().confirm(new ConfirmBookingCommand(anna.id(), booking.id(), IdempotencyKey.of("confirm-1")))
                .orElseThrow();

        // The client cancels through the secret of their booking link, 7 days ahead: early, so free.
        Booking cancelled = engine.clientBookings().cancelByClient(
                new CancelByClientCommand(booking.accessToken(), IdempotencyKey.of("cancel-1"))).orElseThrow();
        // README:end

        assertThat(free).extracting(slot -> LocalTime.ofInstant(slot.start(), ZoneId.of("Europe/Paris")))
                .containsExactly(LocalTime.of(9, 0), LocalTime.of(9, 45), LocalTime.of(10, 30), LocalTime.of(11, 15));
        assertThat(booking.state()).isEqualTo(BookingState.PENDING);
        assertThat(cancelled.state()).isEqualTo(BookingState.CANCELLED_BY_CLIENT);
        assertThat(cancelled.settlement()).isPresent();
        assertThat(cancelled.settlement().get().amountCharged()).isEmpty();
        assertThat(cancelled.history()).extracting(t -> t.to())
                .containsExactly(BookingState.PENDING, BookingState.CONFIRMED, BookingState.CANCELLED_BY_CLIENT);
    }

    @Test
    @DisplayName("README: the embedding example in README.md is the code of this test")
    void readmeShowsThisExample() throws IOException {
        Path here = Path.of("src/test/java/org/rendezvous/core/example/EmbeddingExampleTest.java");
        String source = Files.readString(here, StandardCharsets.UTF_8);
        String example = source.substring(source.indexOf("// README:begin") + "// README:begin".length(),
                source.indexOf("        // README:end"));
        String readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8);
        assertThat(normalise(readme)).contains(normalise(example));
    }

    private static String normalise(String code) {
        return code.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
    }
}
