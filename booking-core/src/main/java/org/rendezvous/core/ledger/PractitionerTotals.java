package org.rendezvous.core.ledger;

import java.util.Currency;
import java.util.Objects;
import org.rendezvous.core.money.Money;

/**
 * The practitioner's money in one currency, summed over their payment history (PAY-6, FEE-4): only their own
 * accounts, never the platform's revenue nor the provider fees the platform bears.
 *
 * @param clientsPaid  everything clients paid online for their bookings
 * @param commission   the platform's commissions and application fees taken from it
 * @param providerFees the provider's fees taken from it (DIRECT_CONNECT)
 * @param refunded     what went back to clients
 * @param held         what is held for bookings not settled yet, before commission (PLATFORM_COLLECTS)
 * @param earned       what is theirs now: payable (PLATFORM_COLLECTS, negative after a reversal following a
 *                     payout) or in their own provider account (DIRECT_CONNECT)
 * @param paidOut      what was paid out to them (PLATFORM_COLLECTS)
 */
public record PractitionerTotals(Currency currency, Money clientsPaid, Money commission, Money providerFees,
                                 Money refunded, Money held, Money earned, Money paidOut) {
    public PractitionerTotals {
        Objects.requireNonNull(currency, "currency");
        for (Money m : new Money[] {clientsPaid, commission, providerFees, refunded, held, earned, paidOut}) {
            Objects.requireNonNull(m, "money");
            if (!m.currency().equals(currency)) {
                throw new IllegalArgumentException("currency: every total is in " + currency);
            }
        }
    }

    /** The totals of the lines in {@code currency}; lines in another currency are left out. */
    public static PractitionerTotals of(Currency currency, Iterable<PaymentLine> lines) {
        Money zero = Money.zero(currency);
        Money paid = zero, commission = zero, fees = zero, refunded = zero, held = zero, earned = zero, out = zero;
        for (PaymentLine line : lines) {
            if (!line.amount().currency().equals(currency)) {
                continue;
            }
            paid = paid.plus(line.clientPaid());
            commission = commission.plus(line.commission());
            fees = fees.plus(line.providerFee());
            refunded = refunded.plus(line.refunded());
            held = held.plus(line.pending());
            earned = earned.plus(line.earned());
            out = out.plus(line.paidOut());
        }
        return new PractitionerTotals(currency, paid, commission, fees, refunded, held, earned, out);
    }
}
