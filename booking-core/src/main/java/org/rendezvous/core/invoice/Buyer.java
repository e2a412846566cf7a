package org.rendezvous.core.invoice;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.contact.EmailAddress;

/**
 * Whom an invoice is for. A professional buyer's invoice carries the late-payment penalties and the
 * 40 € recovery indemnity (Code de commerce, L441-10); an individual's does not.
 */
public record Buyer(String name, Optional<EmailAddress> email, Optional<String> address, boolean professional) {

    public static final int NAME_MAX_LENGTH = 120;
    public static final int ADDRESS_MAX_LENGTH = 300;

    public Buyer {
        name = InvoiceTexts.text(name, "buyerName", NAME_MAX_LENGTH, false);
        Objects.requireNonNull(email, "buyerEmail");
        Objects.requireNonNull(address, "buyerAddress");
        address = address.filter(a -> !a.isBlank())
                .map(a -> InvoiceTexts.text(a, "buyerAddress", ADDRESS_MAX_LENGTH, true));
    }

    public static Buyer individual(String name, String email) {
        return new Buyer(name, Optional.ofNullable(email).map(EmailAddress::of), Optional.empty(), false);
    }
}
