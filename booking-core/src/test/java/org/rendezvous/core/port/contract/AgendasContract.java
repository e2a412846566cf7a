package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;
import static org.rendezvous.core.port.contract.StoreFixtures.minutes;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AgendaSettings;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.Opening;
import org.rendezvous.core.agenda.Place;
import org.rendezvous.core.agenda.Schedule;
import org.rendezvous.core.agenda.Unavailability;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.Agendas;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link Agendas} adapter must do. */
public abstract class AgendasContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Agendas agendas;
    protected PractitionerId anna;
    protected PractitionerId bruno;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        agendas = stores.agendas();
        anna = fixtures.registerPractitioner(stores);
        bruno = fixtures.registerPractitioner(stores);
    }

    // Settings

    @Test
    @DisplayName("the default settings are read back as saved")
    void defaultSettingsRoundTrip() {
        assertThat(agendas.settings(anna)).contains(AgendaSettings.defaults());
    }

    @Test
    @DisplayName("settings where nothing is the default, booking form included (BK-1), are read back as saved")
    void customSettingsRoundTrip() {
        AgendaSettings custom = StoreFixtures.customSettings();

        agendas.saveSettings(anna, custom);

        assertThat(agendas.settings(anna)).contains(custom);
        assertThat(agendas.settings(anna).orElseThrow().form().fields())
                .extracting(f -> f.key()).containsExactly("reason", "allergies", "referred-by");
    }

    @Test
    @DisplayName("NOT-2 the practitioner's reminder offsets are read back as saved")
    void reminderOffsetsRoundTrip() {
        AgendaSettings custom = StoreFixtures.customSettings()
                .withReminders(Duration.ofDays(7), Duration.ofMinutes(30));
        AgendaSettings close = AgendaSettings.defaults().withReminders(Duration.ofHours(1), Duration.ofMinutes(59));

        agendas.saveSettings(anna, custom);
        agendas.saveSettings(bruno, close);

        assertThat(agendas.settings(anna)).contains(custom);
        assertThat(agendas.settings(bruno).orElseThrow().firstReminder()).isEqualTo(Duration.ofHours(1));
        assertThat(agendas.settings(bruno).orElseThrow().secondReminder()).isEqualTo(Duration.ofMinutes(59));
    }

    @Test
    @DisplayName("saving settings again replaces them, for that practitioner only")
    void settingsAreReplaced() {
        agendas.saveSettings(anna, StoreFixtures.customSettings());
        AgendaSettings back = AgendaSettings.defaults(ZoneId.of("Asia/Tokyo")).withSpacing(Duration.ofMinutes(15));

        agendas.saveSettings(anna, back);

        assertThat(agendas.settings(anna)).contains(back);
        assertThat(agendas.settings(bruno)).contains(AgendaSettings.defaults());
    }

    @Test
    @DisplayName("an unknown practitioner has no settings")
    void unknownPractitionerHasNoSettings() {
        assertThat(agendas.settings(fixtures.practitionerId())).isEmpty();
    }

    // Activities

    @Test
    @DisplayName("AG-2 an activity is read back with every field: duration, price, several modes, active or not")
    void activityRoundTrip() {
        Activity active = fixtures.activity(anna);
        Activity inactiveAndFree = new Activity(fixtures.activityId(), anna,
                "Free first call", Duration.ofMinutes(480), Money.zero("EUR"), Set.of(ConsultationMode.PHONE), false);

        agendas.saveActivity(active);
        agendas.saveActivity(inactiveAndFree);

        assertThat(agendas.activity(anna, active.id())).contains(active);
        assertThat(agendas.activity(anna, inactiveAndFree.id())).contains(inactiveAndFree);
    }

    @Test
    @DisplayName("an activity is found only under its own practitioner")
    void activityOfAnotherPractitioner() {
        Activity activity = fixtures.addActivity(stores, anna);

        assertThat(agendas.activity(bruno, activity.id())).isEmpty();
        assertThat(agendas.activities(bruno)).isEmpty();
        assertThat(agendas.activity(anna, fixtures.activityId())).isEmpty();
    }

    @Test
    @DisplayName("activities are listed, active or not, in the order they were first saved")
    void activitiesInFirstSavedOrder() {
        Activity zumba = fixtures.activity(anna, "Zumba");
        Activity acupuncture = fixtures.activity(anna, "Acupuncture").withActive(false);
        Activity massage = fixtures.activity(anna, "Massage");
        agendas.saveActivity(zumba);
        agendas.saveActivity(acupuncture);
        agendas.saveActivity(massage);
        fixtures.addActivity(stores, bruno);

        assertThat(agendas.activities(anna)).containsExactly(zumba, acupuncture, massage);
    }

    @Test
    @DisplayName("saving an activity again replaces it by id and keeps its place in the list")
    void activityReplacedById() {
        Activity first = fixtures.activity(anna, "First");
        Activity second = fixtures.activity(anna, "Second");
        agendas.saveActivity(first);
        agendas.saveActivity(second);
        Activity renamed = new Activity(first.id(), anna, "First, renamed", Duration.ofMinutes(30),
                Money.of("75.50", "EUR"), Set.of(ConsultationMode.VIDEO), false);

        agendas.saveActivity(renamed);

        assertThat(agendas.activity(anna, first.id())).contains(renamed);
        assertThat(agendas.activities(anna)).containsExactly(renamed, second);
    }

    // Openings

    @Test
    @DisplayName("AG-3 a weekly opening is read back with its day, validity, skipped dates (AG-4), step, capacity, activities and address")
    void weeklyOpeningRoundTrip() {
        Activity one = fixtures.addActivity(stores, anna);
        Activity two = fixtures.addActivity(stores, anna);
        Opening weekly = fixtures.weeklyOpening(anna, one.id(), two.id());

        agendas.saveOpening(weekly);

        Opening read = agendas.opening(anna, weekly.id()).orElseThrow();
        assertThat(read).isEqualTo(weekly);
        assertThat(read.schedule()).isInstanceOfSatisfying(Schedule.Weekly.class, schedule -> {
            assertThat(schedule.validUntil()).contains(LocalDate.of(2030, 6, 25));
            assertThat(schedule.skippedDates()).containsExactly(LocalDate.of(2030, 3, 19), LocalDate.of(2030, 4, 16));
        });
        assertThat(read.step()).contains(Duration.ofMinutes(20));
        assertThat(read.capacity()).isEqualTo(OptionalInt.of(4));
        assertThat(read.activities()).containsExactlyInAnyOrder(one.id(), two.id());
        assertThat(read.place().address()).contains("12 rue de la Paix, 75002 Paris");
    }

    @Test
    @DisplayName("AG-3 an opening on one date, ending at midnight, without step, capacity, activities or address, is read back as saved")
    void openingOnDateRoundTrip() {
        Opening onDate = fixtures.openingOn(anna, LocalDate.of(2030, 3, 8));

        agendas.saveOpening(onDate);

        Opening read = agendas.opening(anna, onDate.id()).orElseThrow();
        assertThat(read).isEqualTo(onDate);
        assertThat(read.schedule()).isEqualTo(new Schedule.OnDate(LocalDate.of(2030, 3, 8)));
        assertThat(read.step()).isEmpty();
        assertThat(read.capacity()).isEmpty();
        assertThat(read.activities()).isEmpty();
        assertThat(read.place().address()).isEmpty();
        assertThat(read.place().modes()).containsExactlyInAnyOrder(ConsultationMode.PHONE, ConsultationMode.VIDEO);
    }

    @Test
    @DisplayName("a weekly opening open-ended and skipping nothing, for any mode, is read back as saved")
    void openEndedWeeklyOpeningRoundTrip() {
        Opening weekly = fixtures.weeklyOpening(anna);
        Opening openEnded = new Opening(weekly.id(), anna,
                Schedule.Weekly.every(java.time.DayOfWeek.SUNDAY, LocalDate.of(2030, 1, 6)), weekly.start(),
                weekly.end(), Optional.empty(), OptionalInt.of(1), Set.of(), Place.anyMode());

        agendas.saveOpening(openEnded);

        assertThat(agendas.opening(anna, openEnded.id())).contains(openEnded);
    }

    @Test
    @DisplayName("openings are listed per practitioner and found only under their own practitioner")
    void openingsPerPractitioner() {
        Opening first = fixtures.weeklyOpening(anna);
        Opening second = fixtures.openingOn(anna, LocalDate.of(2030, 3, 9));
        Opening brunos = fixtures.openingOn(bruno, LocalDate.of(2030, 3, 9));
        agendas.saveOpening(first);
        agendas.saveOpening(second);
        agendas.saveOpening(brunos);

        assertThat(agendas.openings(anna)).containsExactlyInAnyOrder(first, second);
        assertThat(agendas.openings(bruno)).containsExactly(brunos);
        assertThat(agendas.opening(bruno, first.id())).isEmpty();
        assertThat(agendas.opening(anna, fixtures.openingId())).isEmpty();
    }

    @Test
    @DisplayName("AG-4 saving an opening again replaces it by id: an occurrence skipped later is kept")
    void openingReplacedById() {
        Opening weekly = fixtures.weeklyOpening(anna);
        agendas.saveOpening(weekly);
        Schedule.Weekly schedule = (Schedule.Weekly) weekly.schedule();
        Opening skipping = weekly.withSchedule(schedule.skipping(LocalDate.of(2030, 5, 7)));

        agendas.saveOpening(skipping);

        assertThat(agendas.opening(anna, weekly.id())).contains(skipping);
        assertThat(agendas.openings(anna)).containsExactly(skipping);
    }

    @Test
    @DisplayName("AG-4 deleting an opening removes it and answers true; deleting it again answers false")
    void deleteOpening() {
        Opening kept = fixtures.openingOn(anna, LocalDate.of(2030, 3, 8));
        Opening deleted = fixtures.openingOn(anna, LocalDate.of(2030, 3, 9));
        agendas.saveOpening(kept);
        agendas.saveOpening(deleted);

        assertThat(agendas.deleteOpening(anna, deleted.id())).isTrue();
        assertThat(agendas.deleteOpening(anna, deleted.id())).isFalse();

        assertThat(agendas.opening(anna, deleted.id())).isEmpty();
        assertThat(agendas.openings(anna)).containsExactly(kept);
    }

    @Test
    @DisplayName("an opening cannot be deleted through another practitioner")
    void deleteOpeningOfAnotherPractitioner() {
        Opening opening = fixtures.openingOn(anna, LocalDate.of(2030, 3, 8));
        agendas.saveOpening(opening);

        assertThat(agendas.deleteOpening(bruno, opening.id())).isFalse();

        assertThat(agendas.opening(anna, opening.id())).contains(opening);
    }

    // Unavailabilities

    @Test
    @DisplayName("AG-5 an unavailability is read back with its instants to the microsecond and its label")
    void unavailabilityRoundTrip() {
        Unavailability holiday = fixtures.unavailability(anna, hours(10).plusNanos(123_456_000),
                hours(34).plusNanos(999_999_000));

        agendas.saveUnavailability(holiday);

        assertThat(agendas.unavailabilities(anna, hours(0), hours(100))).containsExactly(holiday);
    }

    @Test
    @DisplayName("AG-5 unavailabilities overlapping [from, to) are listed by start; touching ends do not overlap")
    void unavailabilitiesOverlappingOrderedByStart() {
        Unavailability late = fixtures.unavailability(anna, hours(12), hours(13));
        Unavailability endsAtFrom = fixtures.unavailability(anna, hours(8), hours(9));
        Unavailability startsAtTo = fixtures.unavailability(anna, hours(14), hours(16));
        Unavailability coversFrom = fixtures.unavailability(anna, minutes(8 * 60 + 30), minutes(9 * 60 + 1));
        Unavailability coversAll = fixtures.unavailability(anna, hours(7), hours(20));
        Unavailability inside = fixtures.unavailability(anna, hours(10), hours(11));
        for (Unavailability u : List.of(late, endsAtFrom, startsAtTo, coversFrom, coversAll, inside)) {
            agendas.saveUnavailability(u);
        }
        agendas.saveUnavailability(fixtures.unavailability(bruno, hours(10), hours(11)));

        assertThat(agendas.unavailabilities(anna, hours(9), hours(14)))
                .containsExactly(coversAll, coversFrom, inside, late);
    }

    @Test
    @DisplayName("AG-5 saving an unavailability again replaces it by id")
    void unavailabilityReplacedById() {
        Unavailability holiday = fixtures.unavailability(anna, hours(10), hours(11));
        agendas.saveUnavailability(holiday);
        Unavailability longer = new Unavailability(holiday.id(), anna, hours(10), hours(30), "Longer holiday");

        agendas.saveUnavailability(longer);

        assertThat(agendas.unavailabilities(anna, hours(0), hours(100))).containsExactly(longer);
    }

    @Test
    @DisplayName("deleting an unavailability removes it and answers true; again, or through another practitioner, false")
    void deleteUnavailability() {
        Unavailability kept = fixtures.unavailability(anna, hours(10), hours(11));
        Unavailability deleted = fixtures.unavailability(anna, hours(12), hours(13));
        agendas.saveUnavailability(kept);
        agendas.saveUnavailability(deleted);

        assertThat(agendas.deleteUnavailability(bruno, deleted.id())).isFalse();
        assertThat(agendas.deleteUnavailability(anna, deleted.id())).isTrue();
        assertThat(agendas.deleteUnavailability(anna, deleted.id())).isFalse();
        assertThat(agendas.deleteUnavailability(anna, fixtures.unavailabilityId()))
                .isFalse();

        assertThat(agendas.unavailabilities(anna, hours(0), hours(100))).containsExactly(kept);
    }

    @Test
    @DisplayName("BK-1, issue 15: settings with their form and one activity are read together; none for an unknown practitioner")
    void settingsAndActivityTogether() {
        agendas.saveSettings(anna, StoreFixtures.customSettings());
        Activity shiatsu = fixtures.activity(anna);
        agendas.saveActivity(shiatsu);
        Activity elsewhere = fixtures.activity(bruno);
        agendas.saveActivity(elsewhere);

        Agendas.SettingsAndActivity found = agendas.settingsAndActivity(anna, shiatsu.id()).orElseThrow();

        assertThat(found.settings()).isEqualTo(StoreFixtures.customSettings());
        assertThat(found.activity()).contains(shiatsu);
        assertThat(agendas.settingsAndActivity(anna, elsewhere.id()).orElseThrow().activity()).isEmpty();
        assertThat(agendas.settingsAndActivity(fixtures.practitionerId(), shiatsu.id())).isEmpty();
    }

    @Test
    @DisplayName("AG-3, AG-5, issue 15: openings and the unavailabilities over a range are read together, each in its own order")
    void openingsAndUnavailabilitiesTogether() {
        Opening weekly = fixtures.weeklyOpening(anna);
        Opening onDate = fixtures.openingOn(anna, java.time.LocalDate.of(2025, 6, 3));
        agendas.saveOpening(weekly);
        agendas.saveOpening(onDate);
        agendas.saveOpening(fixtures.weeklyOpening(bruno));
        Unavailability late = fixtures.unavailability(anna, hours(12), hours(13));
        Unavailability early = fixtures.unavailability(anna, hours(9), hours(10));
        agendas.saveUnavailability(late);
        agendas.saveUnavailability(early);
        agendas.saveUnavailability(fixtures.unavailability(anna, hours(20), hours(21)));

        Agendas.OpeningsAndUnavailabilities both = agendas.openingsAndUnavailabilities(anna, hours(8), hours(14));

        assertThat(both.openings()).isEqualTo(agendas.openings(anna));
        assertThat(both.openings()).containsExactly(weekly, onDate);
        assertThat(both.unavailabilities()).containsExactly(early, late);
        assertThat(agendas.openingsAndUnavailabilities(fixtures.practitionerId(), hours(8), hours(14)).openings()).isEmpty();
    }

}
