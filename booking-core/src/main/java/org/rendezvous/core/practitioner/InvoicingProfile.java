package org.rendezvous.core.practitioner;

import java.util.Objects;
import java.util.Optional;

/**
 * A practitioner's invoicing set-up (INV-1): their legal identity, logo and signature, and whether an
 * invoice is issued by itself when a booking is paid or completed.
 */
public record InvoicingProfile(PractitionerId practitionerId, LegalIdentity identity, AutoIssue autoIssue,
                               Optional<InvoiceImage> logo, Optional<InvoiceImage> signature) {

    /** When the engine issues a booking's invoice without being asked. */
    public enum AutoIssue {
        NEVER,
        /** When the client's online payment arrives. */
        WHEN_PAID,
        /** When the consultation is completed. */
        WHEN_COMPLETED
    }

    public InvoicingProfile {
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(autoIssue, "autoIssue");
        Objects.requireNonNull(logo, "logo");
        Objects.requireNonNull(signature, "signature");
    }

    public InvoicingProfile withLogo(Optional<InvoiceImage> value) {
        return new InvoicingProfile(practitionerId, identity, autoIssue, value, signature);
    }

    public InvoicingProfile withSignature(Optional<InvoiceImage> value) {
        return new InvoicingProfile(practitionerId, identity, autoIssue, logo, value);
    }
}
