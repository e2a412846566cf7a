package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * A client's online payment to start (PAY-1): the whole price of a prepaid booking, or a charge the
 * client must complete themselves because their bank asked for authentication.
 *
 * @param applicationFee   the platform's fee, taken by the provider on a direct charge (DIRECT_CONNECT); zero otherwise
 * @param connectedAccount the practitioner's provider account the charge is made on (DIRECT_CONNECT), if any
 */
public record PaymentRequest(BookingId bookingId, PractitionerId practitionerId, Money amount, Money applicationFee,
                             Optional<String> connectedAccount, EmailAddress clientEmail, String description,
                             Instant expiresAt, ProviderKey key) {
    public PaymentRequest {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(applicationFee, "applicationFee");
        if (applicationFee.isNegative() || applicationFee.isGreaterThan(amount)) {
            throw new IllegalArgumentException("applicationFee: must be between zero and the amount");
        }
        Objects.requireNonNull(connectedAccount, "connectedAccount");
        Objects.requireNonNull(clientEmail, "clientEmail");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(key, "key");
    }
}
