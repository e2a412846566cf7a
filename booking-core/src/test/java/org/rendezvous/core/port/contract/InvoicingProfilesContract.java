package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.port.InvoicingProfiles;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;

/** What every {@link InvoicingProfiles} adapter must do (INV-1): keep the set-up exactly as saved, images included. */
public abstract class InvoicingProfilesContract {

    protected InvoicingProfiles profiles;
    protected PractitionerId anna;

    protected abstract InvoicingProfiles newProfiles();

    protected PractitionerId newPractitioner() {
        return new PractitionerId(UUID.randomUUID());
    }

    @BeforeEach
    void freshStore() {
        profiles = newProfiles();
        anna = newPractitioner();
    }

    @Test
    @DisplayName("INV-1 a practitioner without a saved set-up has none")
    void none() {
        assertThat(profiles.find(anna)).isEmpty();
    }

    @Test
    @DisplayName("INV-1 the legal identity, the automatic issue, the logo and the signature read back as saved")
    void roundTrip() {
        InvoicingProfile saved = InvoiceFixtures.profile(anna, InvoiceFixtures.exemptIdentity());
        profiles.save(saved);
        assertThat(profiles.find(anna)).contains(saved);
    }

    @Test
    @DisplayName("INV-1 saving again replaces everything: another identity, no images, another automatic issue")
    void replace() {
        profiles.save(InvoiceFixtures.profile(anna, InvoiceFixtures.exemptIdentity()));
        InvoicingProfile changed = new InvoicingProfile(anna, InvoiceFixtures.liableIdentity(),
                InvoicingProfile.AutoIssue.WHEN_COMPLETED, Optional.empty(), Optional.empty());
        profiles.save(changed);
        assertThat(profiles.find(anna)).contains(changed);
        assertThat(profiles.find(newPractitioner())).isEmpty();
    }

    @Test
    @DisplayName("INV-1 the practitioners with automatic issue are listed, the others not")
    void autoIssueList() {
        profiles.save(InvoiceFixtures.profile(anna, InvoiceFixtures.exemptIdentity()));
        PractitionerId bruno = newPractitioner();
        InvoicingProfile brunos = new InvoicingProfile(bruno, InvoiceFixtures.exemptIdentity(),
                InvoicingProfile.AutoIssue.WHEN_PAID, Optional.empty(), Optional.empty());
        profiles.save(brunos);
        assertThat(profiles.withAutoIssue(10)).containsExactly(brunos);
        assertThat(profiles.withAutoIssue(0)).isEmpty();
    }
}
