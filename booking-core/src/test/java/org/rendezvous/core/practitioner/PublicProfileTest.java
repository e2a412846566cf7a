package org.rendezvous.core.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.port.contract.ProfilesContract.jpeg;
import static org.rendezvous.core.port.contract.ProfilesContract.png;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rendezvous.core.PublicPage;
import org.rendezvous.core.Rendezvous;
import org.rendezvous.core.agenda.Activity;
import org.rendezvous.core.agenda.AddActivityCommand;
import org.rendezvous.core.agenda.ChangeActivityCommand;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;
import org.rendezvous.core.inmemory.InMemoryStores;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.testing.MutableClock;

/** The practitioner's profile and public page (PAGE-1, PAGE-2) and profile photo (ACC-4). */
class PublicProfileTest {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    Rendezvous engine;
    Practitioner anna;
    Practitioner bob;

    @BeforeEach
    void engine() {
        engine = Rendezvous.builder().stores(InMemoryStores.create()).clock(MutableClock.at("2030-03-04T08:00:00Z")).build();
        anna = engine.practitioners().register(RegisterPractitionerCommand.of("Anna Martin", "anna@example.org", PARIS));
        bob = engine.practitioners().register(RegisterPractitionerCommand.of("Bob Durand", "bob@example.org", PARIS));
    }

    ChangeProfileCommand change(Practitioner who, String slug, boolean enabled) {
        return new ChangeProfileCommand(who.id(), PersonName.of(who.name().value() + " (osteo)"),
                Optional.of(PhoneNumber.of("+33612345678")), Language.ENGLISH, Optional.ofNullable(slug).map(Slug::of),
                "Osteopath since 2010.", List.of(Address.of("Office", "12 rue de la Paix, Paris")), enabled);
    }

    // PAGE-1: the slug

    @ParameterizedTest
    @ValueSource(strings = {"abc", "anna-martin", "osteo-paris-15", "2030", "a1-b2-c3"})
    @DisplayName("PAGE-1 a slug of 3 to 60 lowercase letters, digits and single dashes is accepted")
    void goodSlugs(String value) {
        assertThat(Slug.of(value).value()).isEqualTo(value);
    }

    @Test
    @DisplayName("PAGE-1 a slug is lowered and stripped; 60 characters is the most")
    void slugNormalisedAndLongest() {
        assertThat(Slug.of("  Anna-Martin ").value()).isEqualTo("anna-martin");
        assertThat(Slug.of("a".repeat(60)).value()).hasSize(60);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "ab", "-anna", "anna-", "anna--martin", "anna martin", "anna_martin", "anna.martin",
            "annä", "anna/martin", "api", "admin", "dashboard", "login", "b", "p", "embed", "swagger", "health"})
    @DisplayName("PAGE-1 a slug too short, with other characters, misplaced or double dashes, or reserved is refused naming the field")
    void badSlugs(String value) {
        assertThatThrownBy(() -> Slug.of(value)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("slug:");
    }

    @Test
    @DisplayName("PAGE-1 a slug of 61 characters is refused")
    void slugTooLong() {
        assertThatThrownBy(() -> Slug.of("a".repeat(61))).hasMessageStartingWith("slug:");
    }

    @Test
    @DisplayName("PAGE-2 presentation and addresses are checked: length, control characters, count")
    void profileTextsChecked() {
        assertThatThrownBy(() -> new PractitionerProfile(anna.id(), Optional.empty(),
                "x".repeat(PractitionerProfile.PRESENTATION_MAX_LENGTH + 1), List.of(), true, false))
                .hasMessageStartingWith("presentation:");
        assertThatThrownBy(() -> new PractitionerProfile(anna.id(), Optional.empty(), "bell\u0007", List.of(), true, false))
                .hasMessageStartingWith("presentation:");
        // Bad input: text PostgreSQL would store altered (a lone surrogate, a noncharacter) is refused instead.
        assertThatThrownBy(() -> new PractitionerProfile(anna.id(), Optional.empty(), "lone \uD800", List.of(), true, false))
                .hasMessage("presentation: must be valid Unicode text");
        assertThatThrownBy(() -> Address.of("rue \uFFFF")).hasMessageStartingWith("address:");
        assertThat(new PractitionerProfile(anna.id(), Optional.empty(), "Zen \uD83E\uDDD8", List.of(), true, false)
                .presentation()).isEqualTo("Zen \uD83E\uDDD8");
        assertThatThrownBy(() -> Address.of(" ")).hasMessageStartingWith("address:");
        assertThatThrownBy(() -> Address.of("label\nwith a break", "somewhere")).hasMessageStartingWith("label:");
        List<Address> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Address.of(i + " rue de Rivoli"));
        }
        assertThatThrownBy(() -> new PractitionerProfile(anna.id(), Optional.empty(), "", eleven, true, false))
                .hasMessageStartingWith("addresses:");
        assertThat(new PractitionerProfile(anna.id(), Optional.empty(), " Line one\r\nLine two ", List.of(), true, false)
                .presentation()).isEqualTo("Line one\nLine two");
    }

    @Test
    @DisplayName("PAGE-1 a practitioner starts with no slug and an enabled page; a change of profile is kept with name, phone and language")
    void changeProfile() {
        assertThat(engine.practitioners().profile(anna.id())).contains(PractitionerProfile.initial(anna.id()));
        assertThat(engine.practitioners().pageEnabled(anna.id())).isTrue();

        PractitionerProfile saved = engine.practitioners().changeProfile(change(anna, "anna-martin", true)).orElseThrow();

        assertThat(saved.slug()).contains(Slug.of("anna-martin"));
        assertThat(engine.practitioners().profile(anna.id())).contains(saved);
        Practitioner now = engine.practitioners().find(anna.id()).orElseThrow();
        assertThat(now.name().value()).isEqualTo("Anna Martin (osteo)");
        assertThat(now.language()).isEqualTo(Language.ENGLISH);
        assertThat(now.email()).isEqualTo(anna.email());
        assertThat(now.phone()).contains(PhoneNumber.of("+33612345678"));
    }

    @Test
    @DisplayName("PAGE-1 a slug another practitioner has is refused with SLUG_TAKEN and nothing of the profile or the practitioner changes")
    void slugTaken() {
        engine.practitioners().changeProfile(change(anna, "osteo-paris", true)).orElseThrow();

        Outcome<PractitionerProfile> refused = engine.practitioners().changeProfile(change(bob, "osteo-paris", true));

        assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(Reason.SLUG_TAKEN));
        assertThat(engine.practitioners().find(bob.id())).contains(bob);
        assertThat(engine.practitioners().profile(bob.id())).contains(PractitionerProfile.initial(bob.id()));
        assertThat(engine.practitioners().changeProfile(change(anna, "osteo-paris", true)).isAccepted())
                .as("keeping one's own slug is no conflict").isTrue();
    }

    @Test
    @DisplayName("PAGE-1 two practitioners racing for the same slug through the engine: exactly one gets it")
    void raceForASlug() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                String slug = "race-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Outcome<PractitionerProfile>>> results = new ArrayList<>();
                for (Practitioner who : List.of(anna, bob)) {
                    results.add(pool.submit(() -> {
                        start.await(30, TimeUnit.SECONDS);
                        return engine.practitioners().changeProfile(change(who, slug, true));
                    }));
                }
                int accepted = 0;
                for (Future<Outcome<PractitionerProfile>> result : results) {
                    Outcome<PractitionerProfile> outcome = result.get(30, TimeUnit.SECONDS);
                    if (outcome.isAccepted()) {
                        accepted++;
                    } else {
                        assertThat(((Outcome.Rejected<PractitionerProfile>) outcome).reason()).isEqualTo(Reason.SLUG_TAKEN);
                    }
                }
                assertThat(accepted).isEqualTo(1);
                assertThat(engine.practitioners().publicPage(Slug.of(slug))).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("PAGE-1, PAGE-2 the public page by slug shows the profile, the zone and the active activities, only while enabled")
    void publicPage() {
        Activity shiatsu = engine.agenda().addActivity(new AddActivityCommand(anna.id(), "Shiatsu", Duration.ofMinutes(60),
                Money.of("60.00", "EUR"), Set.of(ConsultationMode.IN_PERSON))).orElseThrow();
        Activity old = engine.agenda().addActivity(new AddActivityCommand(anna.id(), "Old", Duration.ofMinutes(30),
                Money.of("30.00", "EUR"), Set.of(ConsultationMode.VIDEO))).orElseThrow();
        engine.agenda().changeActivity(new ChangeActivityCommand(anna.id(), old.id(), old.name(), old.duration(), old.price(),
                old.modes(), false)).orElseThrow();
        assertThat(engine.practitioners().publicPage(Slug.of("anna-martin"))).as("no page at a slug nobody chose").isEmpty();
        engine.practitioners().changeProfile(change(anna, "anna-martin", true)).orElseThrow();

        PublicPage page = engine.practitioners().publicPage(Slug.of("anna-martin")).orElseThrow();

        assertThat(page.practitioner().id()).isEqualTo(anna.id());
        assertThat(page.profile().presentation()).isEqualTo("Osteopath since 2010.");
        assertThat(page.zone()).isEqualTo(PARIS);
        assertThat(page.activities()).extracting(Activity::id).containsExactly(shiatsu.id());

        engine.practitioners().changeProfile(change(anna, "anna-martin", false)).orElseThrow();
        assertThat(engine.practitioners().publicPage(Slug.of("anna-martin"))).as("disabled").isEmpty();
        assertThat(engine.practitioners().pageEnabled(anna.id())).isFalse();
    }

    // ACC-4: the photo

    @Test
    @DisplayName("ACC-4 a JPEG and a PNG are recognised from their first bytes, whatever the file was called")
    void photoKindFromBytes() {
        byte[] pngNamedJpg = png(1_000); // a PNG file renamed avatar.jpg: only the bytes reach the engine
        assertThat(ProfilePhoto.of(pngNamedJpg).mediaType()).isEqualTo("image/png");
        assertThat(ProfilePhoto.of(jpeg(1_000)).mediaType()).isEqualTo("image/jpeg");
        assertThat(ProfilePhoto.of(jpeg(ProfilePhoto.MAX_BYTES)).size()).isEqualTo(2 * 1024 * 1024);
    }

    @Test
    @DisplayName("ACC-4 a GIF, a text file, an empty file, a truncated signature and 2 MB + 1 byte are refused naming the field photo")
    void photoRefused() {
        byte[] gif = "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] text = "This is not an image, even if it is called photo.png".getBytes(StandardCharsets.UTF_8);
        byte[] halfPng = {(byte) 0x89, 0x50, 0x4E, 0x47};
        for (byte[] bad : List.of(gif, text, new byte[0], halfPng, new byte[] {(byte) 0xFF, (byte) 0xD8}, jpeg(ProfilePhoto.MAX_BYTES + 1))) {
            assertThatThrownBy(() -> ProfilePhoto.of(bad)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("photo:");
        }
        assertThatThrownBy(() -> ProfilePhoto.of(null)).hasMessageStartingWith("photo:");
    }

    @Test
    @DisplayName("ACC-4 a photo is set, shown by the profile and the page, replaced and removed")
    void photoLifecycle() {
        ProfilePhoto photo = ProfilePhoto.of(jpeg(2_000));

        assertThat(engine.practitioners().changePhoto(anna.id(), photo).orElseThrow().hasPhoto()).isTrue();
        assertThat(engine.practitioners().photo(anna.id())).contains(photo);
        assertThat(engine.practitioners().profile(anna.id()).orElseThrow().hasPhoto()).isTrue();
        PractitionerProfile withSlug = engine.practitioners().changeProfile(change(anna, "anna-photo", true)).orElseThrow();
        assertThat(withSlug.hasPhoto()).as("a profile change keeps the photo").isTrue();
        assertThat(engine.practitioners().publicPage(Slug.of("anna-photo")).orElseThrow().profile().hasPhoto()).isTrue();

        assertThat(engine.practitioners().removePhoto(anna.id()).orElseThrow().hasPhoto()).isFalse();
        assertThat(engine.practitioners().photo(anna.id())).isEmpty();
        assertThat(engine.practitioners().removePhoto(anna.id()).isAccepted()).as("removing none is fine").isTrue();
    }

    @Test
    @DisplayName("an unknown practitioner has no profile, and changing one is refused with NOT_FOUND")
    void unknownPractitioner() {
        PractitionerId nobody = PractitionerId.of("00000000-0000-0000-0000-000000000001");
        assertThat(engine.practitioners().profile(nobody)).isEmpty();
        Practitioner ghost = new Practitioner(nobody, anna.name(), anna.email(), Optional.empty(), Language.FRENCH,
                anna.registeredAt());
        assertThat(engine.practitioners().changeProfile(change(ghost, "ghost", true)))
                .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.NOT_FOUND));
        assertThat(engine.practitioners().changePhoto(nobody, ProfilePhoto.of(jpeg(10))).isAccepted()).isFalse();
        assertThat(engine.practitioners().removePhoto(nobody).isAccepted()).isFalse();
    }
}
