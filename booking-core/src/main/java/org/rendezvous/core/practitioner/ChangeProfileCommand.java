package org.rendezvous.core.practitioner;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.Language;
import org.rendezvous.core.contact.PersonName;
import org.rendezvous.core.contact.PhoneNumber;

/**
 * Replaces what a practitioner tells about themselves: their name, phone and language, and their public
 * page (PAGE-1, PAGE-2): slug, presentation, addresses, whether the page is open and whether it shows the
 * contact phone. The e-mail is an account matter and the photo is changed on its own.
 */
public record ChangeProfileCommand(PractitionerId practitioner, PersonName name, Optional<PhoneNumber> phone,
                                   Language language, Optional<Slug> slug, String presentation,
                                   List<Address> addresses, boolean pageEnabled, boolean phoneOnPage) {
    public ChangeProfileCommand {
        Objects.requireNonNull(practitioner, "practitioner");
        if (name == null) {
            throw new IllegalArgumentException("name: required");
        }
        Objects.requireNonNull(phone, "phone");
        if (language == null) {
            throw new IllegalArgumentException("language: required");
        }
        Objects.requireNonNull(slug, "slug");
        // The profile checks presentation and addresses; building it here refuses them before anything is stored.
        PractitionerProfile checked = new PractitionerProfile(practitioner, slug, presentation, addresses, pageEnabled, false);
        presentation = checked.presentation();
        addresses = checked.addresses();
    }

    /** A change whose page does not show the contact phone. */
    public ChangeProfileCommand(PractitionerId practitioner, PersonName name, Optional<PhoneNumber> phone,
                                Language language, Optional<Slug> slug, String presentation,
                                List<Address> addresses, boolean pageEnabled) {
        this(practitioner, name, phone, language, slug, presentation, addresses, pageEnabled, false);
    }

    public PractitionerProfile profile(boolean hasPhoto) {
        return new PractitionerProfile(practitioner, slug, presentation, addresses, pageEnabled, hasPhoto, phoneOnPage);
    }
}
