package org.rendezvous.core.payout;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of the payout list, newest change first, and where the next page starts when there is one. */
public record PayoutPage(List<Payout> payouts, Optional<PayoutPosition> next) {
    public PayoutPage {
        payouts = List.copyOf(Objects.requireNonNull(payouts, "payouts"));
        Objects.requireNonNull(next, "next");
    }
}
