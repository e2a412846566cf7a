package org.rendezvous.payments;

import java.util.Optional;
import org.rendezvous.core.booking.BookingId;

/**
 * The practitioner's connected Stripe account for a booking, in {@code DIRECT_CONNECT}. The payment
 * port asks {@code check} and {@code abandon} with a booking id only, but a direct charge lives on the
 * connected account and Stripe searches one account at a time; the host answers from its stores
 * (booking → practitioner → {@code PayoutDestination.ProviderAccount}).
 */
@FunctionalInterface
public interface ConnectedAccounts {

    Optional<String> of(BookingId booking);

    /** For {@code PLATFORM_COLLECTS}, where every payment is on the platform's own account. */
    static ConnectedAccounts none() {
        return booking -> Optional.empty();
    }
}
