package org.rendezvous.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.BookingState;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.Leg;
import org.rendezvous.core.ledger.Posting;
import org.rendezvous.core.ledger.PostingId;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.CardClass;
import org.rendezvous.core.money.FeeSchedule;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.PaymentPurpose;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.payment.InstructionState;
import org.rendezvous.core.payment.PaymentInstruction;
import org.rendezvous.core.payment.PaymentInstructionId;
import org.rendezvous.core.plan.Plan;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.policy.MoneyDecision;
import org.rendezvous.core.policy.PaymentArrangement;
import org.rendezvous.core.policy.Settlement;
import org.rendezvous.core.port.Ids;
import org.rendezvous.core.port.Ledger;
import org.rendezvous.core.port.PaymentInstructions;
import org.rendezvous.core.port.Subscriptions;

/**
 * Turns the lifecycle's money decisions into ledger postings and payment instructions, inside the
 * transaction of the change that caused them (FEE-4). Nothing here calls the provider: instructions
 * are carried out afterwards by {@link PaymentService#carryOutDue()}.
 *
 * <p>In model PLATFORM_COLLECTS a prepayment is held until the consultation is settled; the
 * commission is computed once on what the client finally pays (FEE-1) and the rest becomes payable
 * (PO-1). The platform bears the provider's fee. In model DIRECT_CONNECT the money lands in the
 * practitioner's own account, the platform's fee and the provider's fee are taken at payment and
 * are not given back on a refund (PAY-4).
 */
final class Cashier {

    private final Ledger ledger;
    private final PaymentInstructions paymentInstructions;
    private final Subscriptions subscriptions;
    private final Ids ids;
    private final EngineSettings engineSettings;

    Cashier(Ledger ledger, PaymentInstructions paymentInstructions, Subscriptions subscriptions, Ids ids,
            EngineSettings engineSettings) {
        this.ledger = ledger;
        this.paymentInstructions = paymentInstructions;
        this.subscriptions = subscriptions;
        this.ids = ids;
        this.engineSettings = engineSettings;
    }

    private CommercialModel model() {
        return engineSettings.model();
    }

    /** A client's online payment arrived for a booking (PAY-1), or a charge the client completed themselves. */
    void paymentReceived(Booking booking, Money amount, String reference, Optional<Money> providerFee,
                         PaymentPurpose purpose, Instant now) {
        Money fee = providerFee.orElseGet(() -> engineSettings.providerFees().estimate(amount, CardClass.EEA_STANDARD));
        String cause = "payment:" + reference;
        if (model() == CommercialModel.PLATFORM_COLLECTS) {
            Account into = purpose == PaymentPurpose.CONSULTATION ? Account.HELD_FOR_BOOKINGS : Account.PRACTITIONER_PAYABLE;
            if (purpose == PaymentPurpose.CONSULTATION) {
                post(booking, PostingKind.PAYMENT_RECEIVED, cause, now, leg(Account.CLIENT_PAYMENTS, into, amount));
            } else {
                Money commission = commissionSchedule(booking, purpose, now).on(amount);
                post(booking, PostingKind.GUARANTEE_CHARGED, cause, now, leg(Account.CLIENT_PAYMENTS, into, amount),
                        leg(into, Account.PLATFORM_REVENUE, commission));
            }
            post(booking, PostingKind.PROVIDER_FEE, cause + ":fee", now,
                    leg(Account.PLATFORM_REVENUE, Account.PROVIDER_FEES, fee));
        } else {
            Money commission = commissionSchedule(booking, purpose, now).on(amount);
            post(booking, purpose == PaymentPurpose.CONSULTATION ? PostingKind.PAYMENT_RECEIVED : PostingKind.GUARANTEE_CHARGED,
                    cause, now, leg(Account.CLIENT_PAYMENTS, Account.PRACTITIONER_DIRECT, amount));
            post(booking, PostingKind.COMMISSION, cause + ":commission", now,
                    leg(Account.PRACTITIONER_DIRECT, Account.PLATFORM_REVENUE, commission));
            post(booking, PostingKind.PROVIDER_FEE, cause + ":fee", now,
                    leg(Account.PRACTITIONER_DIRECT, Account.PROVIDER_FEES, fee.min(amount.minus(commission))));
        }
    }

    /** The money side of a booking that ended early or as a no-show (CX-2 … CX-5, BK-3). */
    void settle(Booking settled, MoneyDecision decision, Instant now) {
        cancelEarningsRelease(settled, now);
        String cause = settled.id() + ":" + settled.state() + ":v" + settled.version();
        // Nothing moves for NoMoneyMoves, nor for ReleaseGuarantee: the provider keeps the saved card on the
        // client's customer record and no charge is ever made from it.
        if (decision instanceof MoneyDecision.RefundInFull refund) {
            instruct(settled, InstructionKind.REFUND, refund.amount(), "refund:" + cause, now, now);
        } else if (decision instanceof MoneyDecision.KeepFromPrepayment keep) {
            PaymentPurpose purpose = settled.state() == BookingState.NO_SHOW
                    ? PaymentPurpose.NO_SHOW_CHARGE : PaymentPurpose.LATE_CANCELLATION_CHARGE;
            if (model() == CommercialModel.PLATFORM_COLLECTS) {
                releaseHeld(settled, keep.kept(), commissionSchedule(settled, purpose, now), PostingKind.CHARGE_KEPT,
                        "kept:" + cause, now);
            }
            if (keep.refunded().isPositive()) {
                instruct(settled, InstructionKind.REFUND, keep.refunded(), "refund:" + cause, now, now);
            }
        } else if (decision instanceof MoneyDecision.ChargeGuarantee charge) {
            instruct(settled, InstructionKind.CHARGE_GUARANTEE, charge.amount(), "charge:" + cause, now, now);
        }
    }

    /** A money arrival for a booking no longer waiting for it: booked in, then given back in full (BK-3). */
    void latePaymentReceived(Booking booking, Money amount, String reference, Optional<Money> providerFee, Instant now) {
        paymentReceived(booking, amount, reference, providerFee, PaymentPurpose.CONSULTATION, now);
        instruct(booking, InstructionKind.REFUND, amount, "refund:late-payment:" + reference, now, now);
    }

    /** BK-5 and PO-1: a completed prepaid consultation's earnings become payable once its no-show window closes. */
    void completed(Booking completed, Instant now) {
        if (model() != CommercialModel.PLATFORM_COLLECTS || completed.terms().payment() != PaymentArrangement.PREPAID
                || !completed.paid().isPositive()) {
            return;
        }
        instruct(completed, InstructionKind.RELEASE_EARNINGS, completed.paid(), "earnings:" + completed.id(),
                completed.end().plus(Settlement.NO_SHOW_REPORT_WINDOW), now);
    }

    /** PO-1: what was held for a completed consultation becomes the practitioner's, less the commission. */
    void releaseEarnings(Booking booking, Money amount, String cause, Instant now) {
        releaseHeld(booking, amount, commissionSchedule(booking, PaymentPurpose.CONSULTATION, now),
                PostingKind.EARNINGS_RELEASED, cause, now);
    }

    /** A refund the provider made: out of the held money (PLATFORM_COLLECTS) or the practitioner's (DIRECT_CONNECT). */
    void refunded(Booking booking, Money amount, String cause, Instant now) {
        Account from = model() == CommercialModel.PLATFORM_COLLECTS ? Account.HELD_FOR_BOOKINGS : Account.PRACTITIONER_DIRECT;
        post(booking, PostingKind.REFUND, cause, now, leg(from, Account.REFUNDS, amount));
    }

    /** The cause key of a booking's charge reversal (CX-4): one per booking, so a charge is reversed once. */
    static String reversalCause(org.rendezvous.core.booking.BookingId booking) {
        return "reversal:" + booking;
    }

    /** Whether a refund instruction gives back a reversed charge (CX-4), whose commission goes back with it. */
    static boolean isReversalRefund(String instructionCause) {
        return instructionCause.startsWith("refund:reversal:");
    }

    /**
     * DIRECT_CONNECT, CX-4: the application fee a reversal's refund instruction gives back to the connected
     * account, exactly what the reversal's posting took from the platform's revenue; empty for any other refund,
     * whose fee the platform keeps (PAY-4).
     */
    Optional<Money> applicationFeeToReturn(Booking booking, String instructionCause) {
        if (model() != CommercialModel.DIRECT_CONNECT || !isReversalRefund(instructionCause)) {
            return Optional.empty();
        }
        String cause = reversalCause(booking.id());
        Money fee = Money.zero(booking.price().currency());
        for (Posting posting : ledger.ofBooking(booking.id())) {
            if (posting.causeKey().equals(cause)) {
                fee = fee.minus(posting.change(Account.PLATFORM_REVENUE));
            }
        }
        return fee.isPositive() ? Optional.of(fee) : Optional.empty();
    }

    /**
     * CX-4: an operator reverses a contested charge. What the client paid and has not had back (nor is about
     * to) is refunded in full through a refund instruction. In PLATFORM_COLLECTS the charge's commission and
     * the practitioner's earnings go back to the held money the refund leaves from; the practitioner's
     * payable balance may go negative when they were paid out already, and is carried forward (FEE-4). In
     * DIRECT_CONNECT the refund leaves the practitioner's own account and all the application fee the platform
     * still holds from the booking is given back to it, by a fee refund of exactly that amount made with the
     * refund; the provider's fee is not (PAY-4). Empty when nothing is left to reverse.
     */
    Optional<org.rendezvous.core.operator.ChargeReversal> reverseCharge(Booking booking, Instant now) {
        Money zero = Money.zero(booking.price().currency());
        Money pending = zero;
        for (PaymentInstruction instruction : paymentInstructions.ofBooking(booking.id())) {
            if (instruction.kind() == InstructionKind.REFUND && instruction.state() == InstructionState.DUE) {
                pending = pending.plus(instruction.amount());
            }
        }
        Money left = paidSoFar(booking).minus(refundedSoFar(booking)).minus(pending);
        if (!left.isPositive()) {
            return Optional.empty();
        }
        Money commission = zero;
        Money earnings = zero;
        Money refund;
        String cause = reversalCause(booking.id());
        List<Posting> postings = ledger.ofBooking(booking.id());
        if (model() == CommercialModel.PLATFORM_COLLECTS) {
            for (Posting posting : postings) {
                if (posting.kind() == PostingKind.CHARGE_KEPT || posting.kind() == PostingKind.GUARANTEE_CHARGED) {
                    commission = commission.plus(posting.change(Account.PLATFORM_REVENUE));
                    earnings = earnings.plus(posting.change(Account.PRACTITIONER_PAYABLE));
                }
            }
            refund = commission.plus(earnings);
            if (!refund.isPositive()) {
                return Optional.empty();
            }
            if (refund.isGreaterThan(left)) {
                throw new IllegalStateException("booking " + booking.id() + ": charge " + refund + " is more than the "
                        + left + " left to refund");
            }
            post(booking, PostingKind.CHARGE_REVERSED, cause, now,
                    leg(Account.PRACTITIONER_PAYABLE, Account.HELD_FOR_BOOKINGS, earnings),
                    leg(Account.PLATFORM_REVENUE, Account.HELD_FOR_BOOKINGS, commission));
        } else {
            for (Posting posting : postings) {
                commission = commission.plus(posting.change(Account.PLATFORM_REVENUE));
            }
            // Everything the platform still holds from the booking goes back, even more than this refund takes
            // (a late cancellation kept a small share and refunded the rest with the fee kept, PAY-4): earnings
            // undone are then negative, the practitioner gets back more fee than the refund takes.
            commission = commission.max(zero);
            refund = left;
            earnings = refund.minus(commission);
            post(booking, PostingKind.CHARGE_REVERSED, cause, now,
                    leg(Account.PLATFORM_REVENUE, Account.PRACTITIONER_DIRECT, commission));
        }
        instruct(booking, InstructionKind.REFUND, refund, "refund:" + cause, now, now);
        return Optional.of(new org.rendezvous.core.operator.ChargeReversal(booking.id(), refund, commission, earnings));
    }

    /** A reversal made earlier (CX-4), read back from its refund instruction and its ledger posting. */
    Optional<org.rendezvous.core.operator.ChargeReversal> reversalOf(Booking booking) {
        String cause = reversalCause(booking.id());
        Optional<PaymentInstruction> refund = paymentInstructions.ofBooking(booking.id()).stream()
                .filter(i -> i.causeKey().equals("refund:" + cause)).findFirst();
        if (refund.isEmpty()) {
            return Optional.empty();
        }
        Money commission = Money.zero(booking.price().currency());
        for (Posting posting : ledger.ofBooking(booking.id())) {
            if (posting.causeKey().equals(cause)) {
                commission = commission.minus(posting.change(Account.PLATFORM_REVENUE));
            }
        }
        Money refunded = refund.get().amount();
        return Optional.of(new org.rendezvous.core.operator.ChargeReversal(booking.id(), refunded, commission,
                refunded.minus(commission)));
    }

    /** What has been refunded for a booking so far, so that no refund ever passes what was paid (PAY-4). */
    Money refundedSoFar(Booking booking) {
        Money total = Money.zero(booking.price().currency());
        for (Posting posting : ledger.ofBooking(booking.id())) {
            total = total.plus(posting.change(Account.REFUNDS));
        }
        return total;
    }

    /** What clients have paid online for a booking, prepayment and completed charges alike. */
    Money paidSoFar(Booking booking) {
        Money total = Money.zero(booking.price().currency());
        for (Posting posting : ledger.ofBooking(booking.id())) {
            total = total.minus(posting.change(Account.CLIENT_PAYMENTS));
        }
        return total;
    }

    /**
     * The plan that sets a practitioner's fees and quotas (FEE-3, PLAN-1 … PLAN-3). The trial gives every
     * feature of the paid plan, its 0 % fee included; a practitioner the engine has no subscription for is
     * on the free plan.
     */
    Plan planOf(org.rendezvous.core.practitioner.PractitionerId practitioner, Instant now) {
        return subscriptions.find(practitioner).map(s -> s.planAt(now)).orElse(Plan.FREE);
    }

    /** The platform's commission or application fee on a payment for this booking, by model, plan and purpose. */
    FeeSchedule commissionSchedule(Booking booking, PaymentPurpose purpose, Instant now) {
        boolean paidPlan = planOf(booking.practitionerId(), now) != Plan.FREE;
        return engineSettings.commissions().scheduleFor(model(), paidPlan, booking.mode(), purpose);
    }

    private void releaseHeld(Booking booking, Money amount, FeeSchedule commissionSchedule, PostingKind kind, String cause,
                             Instant now) {
        Money commission = commissionSchedule.on(amount);
        post(booking, kind, cause, now, leg(Account.HELD_FOR_BOOKINGS, Account.PRACTITIONER_PAYABLE, amount.minus(commission)),
                leg(Account.HELD_FOR_BOOKINGS, Account.PLATFORM_REVENUE, commission));
    }

    private void cancelEarningsRelease(Booking booking, Instant now) {
        for (PaymentInstruction instruction : paymentInstructions.ofBooking(booking.id())) {
            if (instruction.kind() == InstructionKind.RELEASE_EARNINGS && instruction.state() == InstructionState.DUE) {
                paymentInstructions.update(instruction,
                        instruction.cancelled("the booking was settled as " + booking.state(), now));
            }
        }
    }

    private void instruct(Booking booking, InstructionKind kind, Money amount, String cause, Instant dueAt, Instant now) {
        paymentInstructions.add(PaymentInstruction.due(new PaymentInstructionId(ids.newId()),
                booking.practitionerId(), booking.id(), kind, amount, cause, dueAt, now));
    }

    private static Optional<Leg> leg(Account from, Account to, Money amount) {
        return amount.isPositive() ? Optional.of(new Leg(from, to, amount)) : Optional.empty();
    }

    @SafeVarargs
    private void post(Booking booking, PostingKind kind, String cause, Instant now, Optional<Leg>... legs) {
        List<Leg> present = new ArrayList<>();
        for (Optional<Leg> leg : legs) {
            leg.ifPresent(present::add);
        }
        if (!present.isEmpty()) {
            ledger.post(new Posting(new PostingId(ids.newId()), booking.practitionerId(),
                    Optional.of(booking.id()), Optional.empty(), kind, cause, present, now));
        }
    }
}
