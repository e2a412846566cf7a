package org.rendezvous.core.policy;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.money.Money;

/**
 * What must happen to a booking's money when it ends early (cancelled, refused, expired) or as a
 * no-show: a value, so that the ledger and the payment gateway act on exactly what was decided.
 */
public sealed interface MoneyDecision {

    /** Nothing was paid or guaranteed, or nothing is owed either way. */
    record NoMoneyMoves() implements MoneyDecision {
    }

    /** The card guarantee is released without any charge. */
    record ReleaseGuarantee() implements MoneyDecision {
    }

    /** The prepayment is refunded in full. */
    record RefundInFull(Money amount) implements MoneyDecision {
        public RefundInFull {
            requirePositive(amount, "amount");
        }
    }

    /** Part of the prepayment is kept as a charge and the rest, possibly nothing, is refunded. */
    record KeepFromPrepayment(Money kept, Money refunded) implements MoneyDecision {
        public KeepFromPrepayment {
            requirePositive(kept, "kept");
            Objects.requireNonNull(refunded, "refunded");
            if (refunded.isNegative()) {
                throw new IllegalArgumentException("refunded: must not be negative");
            }
        }
    }

    /** The saved card is charged off-session. */
    record ChargeGuarantee(Money amount) implements MoneyDecision {
        public ChargeGuarantee {
            requirePositive(amount, "amount");
        }
    }

    /** What the client is charged by this decision, if anything. */
    default Optional<Money> amountCharged() {
        if (this instanceof KeepFromPrepayment keep) {
            return Optional.of(keep.kept());
        }
        if (this instanceof ChargeGuarantee charge) {
            return Optional.of(charge.amount());
        }
        return Optional.empty();
    }

    /** What is given back to the client by this decision, if anything. */
    default Optional<Money> amountRefunded() {
        if (this instanceof RefundInFull refund) {
            return Optional.of(refund.amount());
        }
        if (this instanceof KeepFromPrepayment keep && keep.refunded().isPositive()) {
            return Optional.of(keep.refunded());
        }
        return Optional.empty();
    }

    private static void requirePositive(Money amount, String field) {
        Objects.requireNonNull(amount, field);
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(field + ": must be more than zero");
        }
    }
}
