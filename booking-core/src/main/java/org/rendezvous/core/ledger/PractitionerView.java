package org.rendezvous.core.ledger;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.policy.CommercialModel;

/**
 * The part of the ledger that is the practitioner's own (PAY-6), by commercial model. In PLATFORM_COLLECTS
 * their money is held for a booking ({@link Account#HELD_FOR_BOOKINGS}), becomes payable
 * ({@link Account#PRACTITIONER_PAYABLE}) and is paid out ({@link Account#PAYOUTS}); the platform bears the
 * provider's fee, so that fee is none of theirs. In DIRECT_CONNECT their money is in their own provider
 * account ({@link Account#PRACTITIONER_DIRECT}), from which the platform's fee and the provider's fee are taken.
 * A posting that touches none of these accounts (the platform paying the provider's fee from its revenue) is
 * not shown to the practitioner.
 */
public record PractitionerView(CommercialModel model) {

    public PractitionerView {
        Objects.requireNonNull(model, "model");
    }

    /** The accounts that hold or held the practitioner's money in this model. */
    public Set<Account> accounts() {
        return Collections.unmodifiableSet(model == CommercialModel.PLATFORM_COLLECTS
                ? EnumSet.of(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, Account.PAYOUTS)
                : EnumSet.of(Account.PRACTITIONER_DIRECT));
    }

    /** The account where the practitioner's earned money lies: payable, or already in their own provider account. */
    public Account earnings() {
        return model == CommercialModel.PLATFORM_COLLECTS ? Account.PRACTITIONER_PAYABLE : Account.PRACTITIONER_DIRECT;
    }

    /** Whether the practitioner sees this posting: it moves money into or out of one of their accounts. */
    public boolean concerns(Posting posting) {
        Set<Account> mine = accounts();
        return posting.legs().stream().anyMatch(leg -> mine.contains(leg.from()) || mine.contains(leg.to()));
    }

    /** The posting as the practitioner sees it, or nothing if it is not theirs. */
    public Optional<PaymentLine> line(Posting posting) {
        if (!concerns(posting)) {
            return Optional.empty();
        }
        Money zero = Money.zero(posting.currency());
        return Optional.of(new PaymentLine(posting.id(), posting.kind(), posting.bookingId(), posting.payoutId(), posting.at(),
                posting.amount(), posting.change(Account.CLIENT_PAYMENTS).negate(), flow(posting, Account.PLATFORM_REVENUE),
                flow(posting, Account.PROVIDER_FEES), posting.change(Account.REFUNDS),
                model == CommercialModel.PLATFORM_COLLECTS ? posting.change(Account.HELD_FOR_BOOKINGS) : zero,
                posting.change(earnings()), model == CommercialModel.PLATFORM_COLLECTS ? posting.change(Account.PAYOUTS) : zero));
    }

    /** What went from the practitioner's accounts to {@code other}, less what came back from it. */
    private Money flow(Posting posting, Account other) {
        Set<Account> mine = accounts();
        Money flow = Money.zero(posting.currency());
        for (Leg leg : posting.legs()) {
            if (leg.to() == other && mine.contains(leg.from())) {
                flow = flow.plus(leg.amount());
            } else if (leg.from() == other && mine.contains(leg.to())) {
                flow = flow.minus(leg.amount());
            }
        }
        return flow;
    }
}
