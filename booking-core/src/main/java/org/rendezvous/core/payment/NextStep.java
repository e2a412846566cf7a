package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.money.Money;

/**
 * What the client must do online now for their booking, and until when: pay a held prepaid booking, save a
 * card for a guaranteed one (PAY-1, PAY-2, BK-3), or pay a charge their bank wanted them to authenticate. The
 * client does it on the provider's page that the booking's checkout opens.
 *
 * @param amount what they will pay; empty for a card saved without a charge
 */
public record NextStep(Action action, Optional<Money> amount, Instant until) {

    public enum Action {
        /** Pay the booking online before the hold expires. */
        PAY,
        /** Save a card as a guarantee (no charge) before the hold expires. */
        SAVE_CARD,
        /** Pay a late-cancellation or no-show charge that needs the client's authentication. */
        PAY_CHARGE
    }

    public NextStep {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(until, "until");
        if (action == Action.SAVE_CARD && amount.isPresent()) {
            throw new IllegalArgumentException("amount: saving a card charges nothing");
        }
        if (action != Action.SAVE_CARD && amount.filter(Money::isPositive).isEmpty()) {
            throw new IllegalArgumentException("amount: a payment of more than zero");
        }
    }
}
