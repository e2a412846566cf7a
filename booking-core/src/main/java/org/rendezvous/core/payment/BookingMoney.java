package org.rendezvous.core.payment;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.PaymentLine;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PractitionerView;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;

/**
 * What happened to one booking's money, from its ledger postings and its payment instructions (PAY-6,
 * CX-2 … CX-5). The client sees the state and what they paid, got back or were charged; the practitioner also
 * sees what the platform and the provider took and what they receive.
 *
 * @param paid            what the client paid online: the prepayment and any charge of the saved card
 * @param refunded        what has been given back to the client
 * @param charged         what the client was charged for a late cancellation or a no-show: kept from the
 *                        prepayment or charged to the saved card
 * @param refundPending   refunds decided and not made yet
 * @param chargePending   a charge of the saved card decided and not made yet (or waiting for the client)
 * @param commission      the platform's commission or application fee taken from the practitioner's money
 * @param providerFee     the provider's fee taken from the practitioner's money (DIRECT_CONNECT)
 * @param pendingEarnings what the practitioner will receive once the booking's money is released, net of the
 *                        commission it will bear (PLATFORM_COLLECTS, before PO-1)
 * @param earned          what is the practitioner's already: payable (PLATFORM_COLLECTS) or in their own
 *                        account less the refunds under way (DIRECT_CONNECT)
 */
public record BookingMoney(BookingId bookingId, MoneyState state, Money paid, Money refunded, Money charged,
                           Money refundPending, Money chargePending, Money commission, Money providerFee,
                           Money pendingEarnings, Money earned) {

    public BookingMoney {
        Objects.requireNonNull(bookingId, "bookingId");
        Objects.requireNonNull(state, "state");
        for (Money m : new Money[] {paid, refunded, charged, refundPending, chargePending, commission, providerFee,
                pendingEarnings, earned}) {
            Objects.requireNonNull(m, "money");
            if (!m.currency().equals(paid.currency())) {
                throw new IllegalArgumentException("paid: every amount is in one currency");
            }
        }
    }

    /** What the practitioner receives for this booking in all: what is theirs already and what will be. */
    public Money net() {
        return pendingEarnings.plus(earned);
    }

    /**
     * Works the booking's money out.
     *
     * @param view              whose accounts are the practitioner's in this model
     * @param postings          the booking's ledger postings
     * @param instructions      the booking's payment instructions
     * @param releaseCommission the commission the held money will bear when it is released (PLATFORM_COLLECTS)
     * @param now               to tell whether a completed booking can still be reported a no-show
     */
    public static BookingMoney of(Booking booking, PractitionerView view, List<Posting> postings,
                                  List<PaymentInstruction> instructions, FeeSchedule releaseCommission, Instant now) {
        Money zero = Money.zero(booking.price().currency());
        Money paid = zero, refunded = zero, commission = zero, providerFee = zero, held = zero, earned = zero;
        for (Posting posting : postings) {
            if (!posting.currency().equals(zero.currency())) {
                continue;
            }
            paid = paid.minus(posting.change(Account.CLIENT_PAYMENTS));
            refunded = refunded.plus(posting.change(Account.REFUNDS));
            for (PaymentLine line : view.line(posting).stream().toList()) {
                commission = commission.plus(line.commission());
                providerFee = providerFee.plus(line.providerFee());
                held = held.plus(line.pending());
                earned = earned.plus(line.earned());
            }
        }
        Money refundPending = zero, chargePending = zero, chargedToCard = zero;
        boolean refundFailed = false;
        InstructionState charge = null;
        for (PaymentInstruction instruction : instructions) {
            if (instruction.kind() == InstructionKind.REFUND) {
                if (instruction.state() == InstructionState.DUE) {
                    refundPending = refundPending.plus(instruction.amount());
                }
                refundFailed |= instruction.state() == InstructionState.FAILED;
            } else if (instruction.kind() == InstructionKind.CHARGE_GUARANTEE) {
                if (instruction.state() == InstructionState.DUE || instruction.state() == InstructionState.WAITING_FOR_CLIENT) {
                    chargePending = chargePending.plus(instruction.amount());
                } else if (instruction.state() == InstructionState.DONE) {
                    chargedToCard = chargedToCard.plus(instruction.amount());
                }
                if (instruction.state() != InstructionState.CANCELLED) {
                    charge = instruction.state();
                }
            }
        }
        Money kept = booking.settlement().filter(MoneyDecision.KeepFromPrepayment.class::isInstance)
                .map(d -> ((MoneyDecision.KeepFromPrepayment) d).kept()).orElse(zero);
        Money charged = kept.plus(chargedToCard);

        Money pendingEarnings = zero;
        if (view.model() == CommercialModel.PLATFORM_COLLECTS) {
            Money releasable = held.minus(refundPending);
            boolean mayEarn = booking.holdsSeat() || booking.state() == BookingState.COMPLETED;
            if (mayEarn && releasable.isPositive()) {
                pendingEarnings = releasable.minus(releaseCommission.on(releasable));
            }
        } else {
            earned = earned.minus(refundPending);
        }
        MoneyState state = state(booking, paid, refunded, refundPending, refundFailed, charge, kept, now);
        return new BookingMoney(booking.id(), state, paid, refunded, charged, refundPending, chargePending, commission,
                providerFee, pendingEarnings, earned);
    }

    private static MoneyState state(Booking booking, Money paid, Money refunded, Money refundPending, boolean refundFailed,
                                    InstructionState charge, Money kept, Instant now) {
        if (paid.isPositive() && !refunded.isLessThan(paid)) {
            return MoneyState.REFUNDED;
        }
        if (refundPending.isPositive()) {
            return MoneyState.REFUND_PENDING;
        }
        if (refundFailed) {
            return MoneyState.REFUND_FAILED;
        }
        if (charge != null) {
            return switch (charge) {
                case DUE -> MoneyState.CHARGE_PENDING;
                case WAITING_FOR_CLIENT -> MoneyState.CHARGE_NEEDS_CLIENT;
                case FAILED -> MoneyState.CHARGE_FAILED;
                default -> MoneyState.CHARGED;
            };
        }
        if (kept.isPositive()) {
            return MoneyState.KEPT;
        }
        if (refunded.isPositive()) {
            return MoneyState.PARTLY_REFUNDED;
        }
        if (paid.isPositive()) {
            return MoneyState.PAID;
        }
        if (booking.guaranteeSaved()) {
            boolean noShowStillPossible = booking.holdsSeat() || (booking.state() == BookingState.COMPLETED
                    && !now.isAfter(booking.end().plus(Settlement.NO_SHOW_REPORT_WINDOW)));
            return noShowStillPossible ? MoneyState.GUARANTEE_SAVED : MoneyState.GUARANTEE_RELEASED;
        }
        PaymentArrangement arrangement = booking.terms().payment();
        if (booking.state() == BookingState.HELD) {
            return arrangement == PaymentArrangement.PREPAID ? MoneyState.PAYMENT_DUE : MoneyState.CARD_DUE;
        }
        if (arrangement.needsClientOnline() && booking.state() == BookingState.EXPIRED) {
            return MoneyState.NOT_PAID;
        }
        return MoneyState.NOTHING_ONLINE;
    }
}
