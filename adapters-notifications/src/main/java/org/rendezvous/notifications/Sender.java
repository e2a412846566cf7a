package org.rendezvous.notifications;

import java.util.Objects;
import org.rendezvous.core.contact.EmailAddress;

/**
 * Who e-mails come from.
 *
 * @param address the From address; its domain also names Message-IDs and calendar UIDs
 * @param name    the display name, e.g. {@code "Rendezvous"}
 */
public record Sender(EmailAddress address, String name) {
    public Sender {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(name, "name");
        if (name.isBlank() || name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("name: must be 1 to 100 characters without control characters");
        }
    }

    public static Sender of(String address, String name) {
        return new Sender(EmailAddress.of(address), name);
    }

    public String domain() {
        return address.value().substring(address.value().indexOf('@') + 1);
    }
}
