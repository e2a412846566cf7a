package org.rendezvous.core.practitioner;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a practitioner shows on their public page (PAGE-1, PAGE-2), besides their name and activities:
 * the slug of its address, a presentation, the addresses where they receive, whether the page is
 * open, and whether they gave a photo (the photo itself is kept apart, see {@link ProfilePhoto}).
 *
 * <p>A practitioner who never edited their profile has {@link #initial(PractitionerId) the initial one}:
 * no slug (so no page by slug yet), the page enabled, no photo.
 *
 * @param hasPhoto read from the store; a store ignores it on save (photos are saved on their own)
 * @param phoneOnPage whether the public page shows the practitioner's contact phone (off unless they say so)
 */
public record PractitionerProfile(PractitionerId practitioner, Optional<Slug> slug, String presentation,
                                  List<Address> addresses, boolean pageEnabled, boolean hasPhoto, boolean phoneOnPage) {

    public static final int PRESENTATION_MAX_LENGTH = 4000;
    public static final int MAX_ADDRESSES = 10;

    public PractitionerProfile {
        Objects.requireNonNull(practitioner, "practitioner");
        Objects.requireNonNull(slug, "slug");
        presentation = ProfileTexts.text(presentation == null ? "" : presentation, "presentation",
                PRESENTATION_MAX_LENGTH, true);
        if (addresses == null) {
            throw new IllegalArgumentException("addresses: required");
        }
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("addresses: at most " + MAX_ADDRESSES);
        }
        if (addresses.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("addresses: must not contain an empty entry");
        }
        addresses = List.copyOf(addresses);
    }

    /** A profile whose page does not show the contact phone. */
    public PractitionerProfile(PractitionerId practitioner, Optional<Slug> slug, String presentation,
                               List<Address> addresses, boolean pageEnabled, boolean hasPhoto) {
        this(practitioner, slug, presentation, addresses, pageEnabled, hasPhoto, false);
    }

    public static PractitionerProfile initial(PractitionerId practitioner) {
        return new PractitionerProfile(practitioner, Optional.empty(), "", List.of(), true, false, false);
    }

    public PractitionerProfile withPhoto(boolean present) {
        return new PractitionerProfile(practitioner, slug, presentation, addresses, pageEnabled, present, phoneOnPage);
    }
}
