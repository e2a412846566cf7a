package org.rendezvous.core.inmemory;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.port.Profiles;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.Slug;

/**
 * Profiles and photos in memory. One monitor guards the three maps, so that a slug is checked and
 * claimed in one step: of two practitioners claiming it at once, the second is refused (PAGE-1).
 */
final class InMemoryProfiles implements Profiles {

    private final Map<PractitionerId, PractitionerProfile> byId = new HashMap<>();
    private final Map<Slug, PractitionerId> bySlug = new HashMap<>();
    private final Map<PractitionerId, ProfilePhoto> photos = new HashMap<>();
    private final InMemoryTransactions transactions;

    InMemoryProfiles(InMemoryTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    public synchronized Optional<PractitionerProfile> find(PractitionerId practitioner) {
        return Optional.ofNullable(byId.get(practitioner)).map(p -> p.withPhoto(photos.containsKey(practitioner)));
    }

    @Override
    public synchronized Optional<PractitionerProfile> findBySlug(Slug slug) {
        return Optional.ofNullable(bySlug.get(slug)).flatMap(this::find);
    }

    @Override
    public synchronized Outcome<PractitionerProfile> save(PractitionerProfile profile) {
        PractitionerId id = profile.practitioner();
        if (profile.slug().isPresent()) {
            PractitionerId owner = bySlug.get(profile.slug().get());
            if (owner != null && !owner.equals(id)) {
                return Outcome.rejected(Reason.SLUG_TAKEN, "slug: another page has the address \""
                        + profile.slug().get() + "\"");
            }
        }
        PractitionerProfile saved = profile.withPhoto(false);
        PractitionerProfile previous = byId.put(id, saved);
        if (previous != null) {
            previous.slug().ifPresent(bySlug::remove);
        }
        saved.slug().ifPresent(slug -> bySlug.put(slug, id));
        transactions.onRollback(() -> restore(id, saved, previous));
        return Outcome.accepted(profile.withPhoto(photos.containsKey(id)));
    }

    private synchronized void restore(PractitionerId id, PractitionerProfile saved, PractitionerProfile previous) {
        saved.slug().ifPresent(bySlug::remove);
        if (previous == null) {
            byId.remove(id);
        } else {
            byId.put(id, previous);
            previous.slug().ifPresent(slug -> bySlug.put(slug, id));
        }
    }

    @Override
    public synchronized void savePhoto(PractitionerId practitioner, ProfilePhoto photo) {
        if (!byId.containsKey(practitioner)) {
            throw new IllegalStateException("practitioner " + practitioner + " has no saved profile for a photo");
        }
        ProfilePhoto previous = photos.put(practitioner, photo);
        transactions.onRollback(() -> putBack(practitioner, previous));
    }

    @Override
    public synchronized Optional<ProfilePhoto> findPhoto(PractitionerId practitioner) {
        return Optional.ofNullable(photos.get(practitioner));
    }

    @Override
    public synchronized void deletePhoto(PractitionerId practitioner) {
        ProfilePhoto previous = photos.remove(practitioner);
        if (previous != null) {
            transactions.onRollback(() -> putBack(practitioner, previous));
        }
    }

    private synchronized void putBack(PractitionerId practitioner, ProfilePhoto previous) {
        if (previous == null) {
            photos.remove(practitioner);
        } else {
            photos.put(practitioner, previous);
        }
    }
}
