package org.rendezvous.core.policy;

import java.time.Duration;
import java.time.Instant;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/**
 * The cancellation and no-show rules (CX-1 … CX-5) as pure decisions over a booking's frozen terms.
 * Nothing here reads a clock or a store: the caller passes the instants.
 */
public final class Settlement {

    /** CX-4: a no-show may be reported from the start until this long after the end. */
    public static final Duration NO_SHOW_REPORT_WINDOW = Duration.ofHours(48);

    private Settlement() {
    }

    /** CX-1: a cancellation is early when start − now ≥ the deadline, to the nanosecond; otherwise late. */
    public static boolean isEarly(Instant start, Instant now, Duration deadline) {
        return Duration.between(now, start).compareTo(deadline) >= 0;
    }

    /** CX-4: whether {@code now} lies in [start, end + 48 h], when a no-show may be reported. */
    public static boolean insideNoShowReportWindow(Instant start, Instant end, Instant now) {
        return !now.isBefore(start) && !now.isAfter(end.plus(NO_SHOW_REPORT_WINDOW));
    }

    /** The no-show charge: the frozen percentage of the price, rounded half-up to the minor unit (FEE-1). */
    public static Money noShowCharge(Money price, Percent noShowPercentage) {
        return price.times(noShowPercentage);
    }

    /**
     * CX-2 and CX-3: the client cancels. Early, or before the practitioner accepted the booking,
     * nothing is charged; late, the no-show percentage is charged at once.
     *
     * @param paid             what the client has paid online so far
     * @param guaranteeSaved   whether a card guarantee is on file
     * @param confirmed        whether the practitioner had accepted the booking (only then a late cancellation costs)
     */
    public static MoneyDecision clientCancels(Money price, Money paid, boolean guaranteeSaved, Percent noShowPercentage,
                                             boolean early, boolean confirmed) {
        if (early || !confirmed) {
            return giveEverythingBack(paid, guaranteeSaved);
        }
        return charge(noShowCharge(price, noShowPercentage), paid, guaranteeSaved);
    }

    /** CX-4: the client did not come; the no-show percentage is kept from the prepayment or charged to the card. */
    public static MoneyDecision noShow(Money price, Money paid, boolean guaranteeSaved, Percent noShowPercentage) {
        return charge(noShowCharge(price, noShowPercentage), paid, guaranteeSaved);
    }

    /** CX-5 and BK-3/BK-4: the practitioner cancels or refuses, or the request expires: the client pays nothing. */
    public static MoneyDecision giveEverythingBack(Money paid, boolean guaranteeSaved) {
        if (paid.isPositive()) {
            return new MoneyDecision.RefundInFull(paid);
        }
        return guaranteeSaved ? new MoneyDecision.ReleaseGuarantee() : new MoneyDecision.NoMoneyMoves();
    }

    private static MoneyDecision charge(Money charge, Money paid, boolean guaranteeSaved) {
        if (paid.isPositive()) {
            Money kept = charge.min(paid);
            return kept.isPositive()
                    ? new MoneyDecision.KeepFromPrepayment(kept, paid.minus(kept))
                    : new MoneyDecision.RefundInFull(paid);
        }
        if (guaranteeSaved) {
            return charge.isPositive() ? new MoneyDecision.ChargeGuarantee(charge) : new MoneyDecision.ReleaseGuarantee();
        }
        return new MoneyDecision.NoMoneyMoves();
    }
}
