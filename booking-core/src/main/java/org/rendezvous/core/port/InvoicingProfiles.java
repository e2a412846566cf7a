package org.rendezvous.core.port;

import java.util.Optional;
import org.rendezvous.core.practitioner.InvoicingProfile;
import org.rendezvous.core.practitioner.PractitionerId;

/** Practitioners' invoicing set-up: legal identity, logo, signature, automatic issue (INV-1). */
public interface InvoicingProfiles {

    Optional<InvoicingProfile> find(PractitionerId practitioner);

    /** Adds or replaces the practitioner's set-up, images included. */
    void save(InvoicingProfile profile);

    /** The practitioners whose invoices are issued automatically (any {@code autoIssue} but NEVER), at most {@code limit}. */
    java.util.List<InvoicingProfile> withAutoIssue(int limit);
}
