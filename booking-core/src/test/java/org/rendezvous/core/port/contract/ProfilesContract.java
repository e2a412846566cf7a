package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Profiles;
import org.rendezvous.core.port.Stores;
import org.rendezvous.core.practitioner.Address;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.Slug;

/** What every {@link Profiles} adapter must do (PAGE-1, PAGE-2, ACC-4). */
public abstract class ProfilesContract {

    /** How long a racing thread may take: a guard against a deadlock, not a timing. */
    private static final long GUARD_SECONDS = 60;

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected Stores stores;
    protected Profiles profiles;

    /** Fresh, empty stores for each test. */
    protected abstract Stores newStores();

    @BeforeEach
    void freshStores() {
        stores = newStores();
        profiles = stores.profiles();
    }

    static PractitionerProfile profile(PractitionerId id, String slug) {
        return new PractitionerProfile(id, Optional.ofNullable(slug).map(Slug::of), "Osteopath in Paris.\nSince 2010.",
                List.of(Address.of("Paris office", "12 rue de la Paix\n75002 Paris"), Address.of("3 place Bellecour, Lyon")),
                true, false);
    }

    /** The smallest byte string that passes for a PNG: its 8-byte signature and a little more. */
    public static byte[] png(int size) {
        byte[] bytes = new byte[size];
        byte[] magic = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
        System.arraycopy(magic, 0, bytes, 0, magic.length);
        for (int i = magic.length; i < size; i++) {
            bytes[i] = (byte) (i * 31);
        }
        return bytes;
    }

    public static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        for (int i = 3; i < size; i++) {
            bytes[i] = (byte) (i * 7);
        }
        return bytes;
    }

    @Test
    @DisplayName("PAGE-2 whether the page shows the contact phone is saved, and changed back, with the profile")
    void phoneOnPageIsSaved() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerProfile shown = new PractitionerProfile(anna, Optional.of(Slug.of("anna-phone")), "", List.of(), true,
                false, true);

        assertThat(profiles.save(shown)).isEqualTo(Outcome.accepted(shown));
        assertThat(profiles.find(anna)).contains(shown);
        assertThat(profiles.findBySlug(Slug.of("anna-phone")).map(PractitionerProfile::phoneOnPage)).contains(true);

        PractitionerProfile hidden = profile(anna, "anna-phone");
        profiles.save(hidden);
        assertThat(profiles.find(anna).map(PractitionerProfile::phoneOnPage)).contains(false);
    }

    @Test
    @DisplayName("PAGE-2 a saved profile is found by practitioner and by slug with every field")
    void savedProfileIsFound() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerProfile profile = profile(anna, "anna-martin");

        assertThat(profiles.save(profile)).isEqualTo(Outcome.accepted(profile));

        assertThat(profiles.find(anna)).contains(profile);
        assertThat(profiles.findBySlug(Slug.of("anna-martin"))).contains(profile);
        assertThat(profiles.findBySlug(Slug.of("someone-else"))).isEmpty();
        assertThat(profiles.find(fixtures.practitionerId())).isEmpty();
    }

    @Test
    @DisplayName("PAGE-1 a page is open until a saved profile disables it, and open again when enabled")
    void pageEnabled() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        assertThat(profiles.pageEnabled(anna)).isTrue();

        profiles.save(new PractitionerProfile(anna, Optional.empty(), "", List.of(), false, false)).orElseThrow();
        assertThat(profiles.pageEnabled(anna)).isFalse();

        profiles.save(new PractitionerProfile(anna, Optional.empty(), "", List.of(), true, false)).orElseThrow();
        assertThat(profiles.pageEnabled(anna)).isTrue();
    }

    @Test
    @DisplayName("a profile without slug, presentation or address is kept as such")
    void emptyProfile() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerProfile bare = new PractitionerProfile(anna, Optional.empty(), "", List.of(), false, false);

        profiles.save(bare).orElseThrow();

        assertThat(profiles.find(anna)).contains(bare);
    }

    @Test
    @DisplayName("PAGE-1 saving again replaces the profile; the slug it left is free for another practitioner")
    void changeFreesTheOldSlug() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bob = fixtures.registerPractitioner(stores);
        profiles.save(profile(anna, "osteo-paris")).orElseThrow();
        PractitionerProfile renamed = new PractitionerProfile(anna, Optional.of(Slug.of("anna-osteo")), "New text",
                List.of(), false, false);

        profiles.save(renamed).orElseThrow();

        assertThat(profiles.find(anna)).contains(renamed);
        assertThat(profiles.findBySlug(Slug.of("osteo-paris"))).isEmpty();
        assertThat(profiles.save(profile(bob, "osteo-paris")).isAccepted()).isTrue();
        assertThat(profiles.findBySlug(Slug.of("osteo-paris")).orElseThrow().practitioner()).isEqualTo(bob);
    }

    @Test
    @DisplayName("PAGE-1 a slug another practitioner has is refused with SLUG_TAKEN and nothing changes")
    void slugTaken() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bob = fixtures.registerPractitioner(stores);
        profiles.save(profile(anna, "osteo-paris")).orElseThrow();
        PractitionerProfile bobsBefore = profile(bob, "bob-osteo");
        profiles.save(bobsBefore).orElseThrow();

        Outcome<PractitionerProfile> refused = stores.transactions().inAgenda(bob,
                () -> profiles.save(profile(bob, "osteo-paris")));

        assertThat(refused).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
            assertThat(r.reason()).isEqualTo(Reason.SLUG_TAKEN);
            assertThat(r.detail()).startsWith("slug:");
        });
        assertThat(profiles.find(bob)).contains(bobsBefore);
        assertThat(profiles.findBySlug(Slug.of("osteo-paris")).orElseThrow().practitioner()).isEqualTo(anna);
    }

    @Test
    @DisplayName("PAGE-1 after a refused slug the transaction goes on: later writes in it are kept")
    void transactionUsableAfterRefusal() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerId bob = fixtures.registerPractitioner(stores);
        profiles.save(profile(anna, "osteo-paris")).orElseThrow();

        stores.transactions().inAgenda(bob, () -> {
            assertThat(profiles.save(profile(bob, "osteo-paris")).isAccepted()).isFalse();
            return profiles.save(profile(bob, "bob-osteo")).orElseThrow();
        });

        assertThat(profiles.find(bob).flatMap(PractitionerProfile::slug)).contains(Slug.of("bob-osteo"));
    }

    @Test
    @DisplayName("PAGE-1 two practitioners racing for one slug: exactly one gets it, the other is refused with SLUG_TAKEN")
    void raceForOneSlug() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                PractitionerId anna = fixtures.registerPractitioner(stores);
                PractitionerId bob = fixtures.registerPractitioner(stores);
                String slug = "contested-" + round;
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Outcome<PractitionerProfile>>> results = new ArrayList<>();
                for (PractitionerId who : List.of(anna, bob)) {
                    Callable<Outcome<PractitionerProfile>> claim = () -> {
                        start.await(GUARD_SECONDS, TimeUnit.SECONDS);
                        return stores.transactions().inAgenda(who, () -> profiles.save(profile(who, slug)));
                    };
                    results.add(pool.submit(claim));
                }
                List<Outcome<PractitionerProfile>> outcomes = new ArrayList<>();
                for (Future<Outcome<PractitionerProfile>> result : results) {
                    outcomes.add(result.get(GUARD_SECONDS, TimeUnit.SECONDS));
                }

                assertThat(outcomes).filteredOn(Outcome::isAccepted).hasSize(1);
                assertThat(outcomes).filteredOn(o -> !o.isAccepted()).singleElement()
                        .isInstanceOfSatisfying(Outcome.Rejected.class, r -> assertThat(r.reason()).isEqualTo(Reason.SLUG_TAKEN));
                PractitionerId winner = profiles.findBySlug(Slug.of(slug)).orElseThrow().practitioner();
                PractitionerId loser = winner.equals(anna) ? bob : anna;
                assertThat(profiles.find(loser)).isEmpty();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("ACC-4 a photo is saved, replaced and deleted; the profile tells whether there is one")
    void photo() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerProfile saved = profile(anna, "anna-photo");
        profiles.save(saved).orElseThrow();
        ProfilePhoto first = ProfilePhoto.of(jpeg(5_000));
        ProfilePhoto second = ProfilePhoto.of(png(ProfilePhoto.MAX_BYTES));

        profiles.savePhoto(anna, first);
        assertThat(profiles.findPhoto(anna)).contains(first);
        assertThat(profiles.find(anna)).contains(saved.withPhoto(true));
        assertThat(profiles.findBySlug(Slug.of("anna-photo")).orElseThrow().hasPhoto()).isTrue();

        profiles.savePhoto(anna, second);
        assertThat(profiles.findPhoto(anna).orElseThrow().mediaType()).isEqualTo(ProfilePhoto.PNG);
        assertThat(profiles.findPhoto(anna)).contains(second);

        profiles.save(profile(anna, "anna-photo-2")).orElseThrow();
        assertThat(profiles.findPhoto(anna)).as("saving the profile keeps the photo").contains(second);

        profiles.deletePhoto(anna);
        assertThat(profiles.findPhoto(anna)).isEmpty();
        assertThat(profiles.find(anna).orElseThrow().hasPhoto()).isFalse();
        profiles.deletePhoto(anna);
    }

    @Test
    @DisplayName("a failed transaction takes its profile and photo writes back")
    void rollback() {
        PractitionerId anna = fixtures.registerPractitioner(stores);
        PractitionerProfile before = profile(anna, "anna-before");
        profiles.save(before).orElseThrow();

        try {
            stores.transactions().inAgenda(anna, () -> {
                profiles.save(profile(anna, "anna-after")).orElseThrow();
                profiles.savePhoto(anna, ProfilePhoto.of(jpeg(100)));
                throw new IllegalStateException("crash");
            });
        } catch (IllegalStateException expected) {
            // the work failed: nothing of it stays
        }

        assertThat(profiles.find(anna)).contains(before);
        assertThat(profiles.findBySlug(Slug.of("anna-after"))).isEmpty();
        assertThat(profiles.findPhoto(anna)).isEmpty();
    }
}
