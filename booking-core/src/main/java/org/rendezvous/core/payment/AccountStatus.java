package org.rendezvous.core.payment;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the payment provider says of a practitioner's account (a Stripe connected account, say): whether
 * it can take payments ({@code charges_enabled}) and receive payouts ({@code payouts_enabled}), and what
 * the provider still asks for ({@code requirements.currently_due}, {@code past_due}, {@code disabled_reason}).
 */
public record AccountStatus(boolean detailsSubmitted, boolean chargesEnabled, boolean payoutsEnabled,
                            List<String> currentlyDue, List<String> pastDue, Optional<String> disabledReason) {

    /** More would be a provider gone wrong; a page cannot show it anyway. */
    private static final int MOST_REQUIREMENTS = 200;

    public AccountStatus {
        currentlyDue = requirements(currentlyDue, "currentlyDue");
        pastDue = requirements(pastDue, "pastDue");
        Objects.requireNonNull(disabledReason, "disabledReason");
        disabledReason.ifPresent(reason -> {
            if (reason.isBlank() || reason.length() > 200) {
                throw new IllegalArgumentException("disabledReason: must be 1 to 200 characters");
            }
        });
    }

    /** A new account: nothing given yet, nothing enabled. */
    public static AccountStatus detailsNeeded(List<String> currentlyDue) {
        return new AccountStatus(false, false, false, currentlyDue, List.of(), Optional.of("requirements.past_due"));
    }

    /** Every detail given and checked: the account takes payments and receives payouts. */
    public static AccountStatus enabled() {
        return new AccountStatus(true, true, true, List.of(), List.of(), Optional.empty());
    }

    /** Details given, the provider is checking them: nothing enabled meanwhile. */
    public static AccountStatus pendingVerification() {
        return new AccountStatus(true, false, false, List.of(), List.of(), Optional.of("requirements.pending_verification"));
    }

    /**
     * Where the account stands for the platform's model.
     *
     * @param takesPayments whether the platform needs the account to take payments itself (DIRECT_CONNECT)
     *                      or only to receive transfers (PLATFORM_COLLECTS)
     */
    public AccountState state(boolean takesPayments) {
        if (disabledReason.filter(r -> r.startsWith("rejected")).isPresent()) {
            return AccountState.REJECTED;
        }
        boolean usable = payoutsEnabled && (chargesEnabled || !takesPayments);
        if (!detailsSubmitted || !pastDue.isEmpty() || (!currentlyDue.isEmpty() && !usable)) {
            return AccountState.DETAILS_NEEDED;
        }
        return usable ? AccountState.ENABLED : AccountState.PENDING_VERIFICATION;
    }

    private static List<String> requirements(List<String> values, String field) {
        Objects.requireNonNull(values, field);
        if (values.size() > MOST_REQUIREMENTS) {
            throw new IllegalArgumentException(field + ": at most " + MOST_REQUIREMENTS + " requirements");
        }
        for (String value : values) {
            if (value == null || value.isBlank() || value.length() > 200 || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException(field + ": each requirement must be 1 to 200 characters, on one line");
            }
        }
        return List.copyOf(values);
    }
}
