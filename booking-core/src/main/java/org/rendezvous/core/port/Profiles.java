package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.outcome.Outcome;
import org.rendezvous.core.practitioner.PractitionerId;
import org.rendezvous.core.practitioner.PractitionerProfile;
import org.rendezvous.core.practitioner.ProfilePhoto;
import org.rendezvous.core.practitioner.Slug;

/**
 * Practitioners' public profiles and photos (PAGE-1, PAGE-2, ACC-4). A slug belongs to one practitioner
 * at most, even when two claim it at the same moment: the store decides, since two practitioners'
 * changes do not share an agenda lock. Photos are kept apart from profiles so that reading a profile
 * stays small; a photo belongs to a saved profile.
 */
public interface Profiles {

    /** The saved profile, with {@link PractitionerProfile#hasPhoto()} telling whether a photo is saved. */
    Optional<PractitionerProfile> find(PractitionerId practitioner);

    Optional<PractitionerProfile> findBySlug(Slug slug);

    /**
     * Whether the practitioner's public pages are open: true until a saved profile says otherwise (PAGE-1).
     * Asked before every public request, so a store may answer it with less than {@link #find}.
     */
    default boolean pageEnabled(PractitionerId practitioner) {
        return find(practitioner).map(PractitionerProfile::pageEnabled).orElse(true);
    }

    /**
     * Adds or replaces the practitioner's profile (its {@code hasPhoto} is ignored). Refused with
     * {@link org.rendezvous.core.outcome.Reason#SLUG_TAKEN} when another practitioner has the slug; then
     * nothing changes and the caller's transaction stays usable. A slug left by a change is free again.
     */
    Outcome<PractitionerProfile> save(PractitionerProfile profile);

    /** Adds or replaces the photo of a practitioner whose profile is saved. */
    void savePhoto(PractitionerId practitioner, ProfilePhoto photo);

    Optional<ProfilePhoto> findPhoto(PractitionerId practitioner);

    /** Removes the photo, if there is one. */
    void deletePhoto(PractitionerId practitioner);
}
