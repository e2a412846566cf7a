package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.CYCLE;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.EUR;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.assertBooksBalance;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.balances;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.movements;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.payOnline;
import static org.rendezvous.core.lifecycle.MoneyFlowsTest.saveCardOnline;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.account.Password;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.booking.ReportNoShowCommand;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.ledger.Account;
import org.rendezvous.core.ledger.PostingKind;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.notification.Lease;
import org.rendezvous.core.notification.MessageKind;
import org.rendezvous.core.notification.OutboxMessage;
import org.rendezvous.core.notification.OutboxMessageId;
import org.rendezvous.core.notification.DeliveryState;
import org.rendezvous.core.notification.Recipient;
import org.rendezvous.core.operator.ActionKind;
import org.rendezvous.core.operator.ChargeReversal;
import org.rendezvous.core.operator.Invitation;
import org.rendezvous.core.operator.OperatorAction;
import org.rendezvous.core.operator.OperatorId;
import org.rendezvous.core.operator.OperatorLoggedIn;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.InstructionKind;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.payout.Payout;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutPage;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.payout.PayoutTrigger;
import org.rendezvous.core.policy.CommercialModel;

/** The operator tools (issue 12, item 4) through the use cases: accounts, suspension, CX-4 reversals, messages, audit. */
class OperatorToolsTest {

    static final EmailAddress OLGA = EmailAddress.of("olga@operators.example");
    static final String PASSWORD = "a long operator password";

    static OperatorId operator(Scenario s) {
        Invitation invitation = s.engine.operators().invite(OLGA).orElseThrow();
        return accepted(s.engine.operators().setPassword(invitation.secret(), Password.of(PASSWORD)));
    }

    static Booking guaranteedNoShowCharged(Scenario s) {
        Booking held = s.book(s.at(DayOfWeek.WEDNESDAY, 9), ConsultationMode.IN_PERSON);
        Booking confirmed = s.confirm(saveCardOnline(s, held));
        s.setClock(s.at(DayOfWeek.WEDNESDAY, 9, 30));
        Booking noShow = accepted(s.engine.bookings().reportNoShow(new ReportNoShowCommand(s.anna, confirmed.id(), s.key())));
        s.engine.payments().carryOutDue();
        return noShow;
    }

    @Nested
    @DisplayName("CX-4 reversal of a contested charge")
    class Reversal {

        @Test
        @DisplayName("CX-4, FEE-4: a no-show charge paid out already is refunded in full; the commission and earnings are undone and the balance goes negative")
        void reversalAfterPayout() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking noShow = guaranteedNoShowCharged(s);
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.SENT));
            Money before = balances(s).of(Account.PLATFORM_REVENUE);

            ChargeReversal reversal = accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "client was in hospital"));

            assertThat(reversal.refunded()).isEqualTo(eur("30.00"));
            assertThat(reversal.commissionUndone()).isEqualTo(eur("1.50"));
            assertThat(reversal.earningsUndone()).isEqualTo(eur("28.50"));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).as("FEE-4: carried forward").isEqualTo(eur("-28.50"));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE)).isEqualTo(before.minus(eur("1.50")));
            assertThat(s.engine.payments().history(s.anna)).anySatisfy(p -> assertThat(p.kind()).isEqualTo(PostingKind.CHARGE_REVERSED));
            assertBooksBalance(s);

            s.engine.payments().carryOutDue();
            assertThat(movements(s, "refund")).extracting(m -> m.amount()).containsExactly(eur("30.00"));
            assertThat(balances(s).of(Account.REFUNDS)).isEqualTo(eur("30.00"));
            assertThat(balances(s).of(Account.HELD_FOR_BOOKINGS)).isEqualTo(eur("0.00"));
            assertThat(Scenario.routes(s.messages(noShow, MessageKind.CHARGE_REVERSED)))
                    .extracting(MessageKind.Route::recipient).contains(Recipient.CLIENT, Recipient.PRACTITIONER);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-4: a charge is reversed once: the second reversal is refused and nothing moves again")
        void once() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking noShow = guaranteedNoShowCharged(s);
            accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed"));

            assertThat(rejected(s.engine.operators().reverseCharge(olga, noShow.id(), "again")).reason())
                    .isEqualTo(Reason.ALREADY_REVERSED);
            s.engine.payments().carryOutDue();
            assertThat(rejected(s.engine.operators().reverseCharge(olga, noShow.id(), "again")).reason())
                    .isEqualTo(Reason.ALREADY_REVERSED);
            assertThat(movements(s, "refund")).hasSize(1);
            assertThat(s.engine.payments().instructions(noShow.id()))
                    .filteredOn(i -> i.kind() == InstructionKind.REFUND).hasSize(1);
            assertThat(s.engine.operators().auditLog(10)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(ActionKind.REVERSE_CHARGE);
                assertThat(a.subject()).isEqualTo(noShow.id().toString());
                assertThat(a.reason()).isEqualTo("disputed");
                assertThat(a.operatorEmail()).isEqualTo(OLGA);
                assertThat(a.practitionerId()).contains(s.anna);
            });
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-4, BK-8: a reversal retried with its Idempotency-Key answers the first result, after the refund too; the key with another booking is refused")
        void replayedWithItsKey() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking noShow = guaranteedNoShowCharged(s);
            org.rendezvous.core.idempotency.IdempotencyKey key = s.key();

            ChargeReversal first = accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed", key));
            assertThat(accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed", key)))
                    .as("a retry answers the first result").isEqualTo(first);
            s.engine.payments().carryOutDue();
            assertThat(accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed", key)))
                    .as("after the refund was carried out too").isEqualTo(first);
            assertThat(rejected(s.engine.operators().reverseCharge(olga, noShow.id(), "again", s.key())).reason())
                    .as("another key is another reversal: refused").isEqualTo(Reason.ALREADY_REVERSED);
            Booking other = s.book(s.at(DayOfWeek.THURSDAY, 10), ConsultationMode.IN_PERSON);
            assertThat(rejected(s.engine.operators().reverseCharge(olga, other.id(), "disputed", key)).reason())
                    .isEqualTo(Reason.IDEMPOTENCY_KEY_REUSED);

            assertThat(movements(s, "refund")).hasSize(1);
            assertThat(s.engine.operators().auditLog(10)).as("one action, one entry").hasSize(1);
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-4, BK-8: a refusal is remembered under its key as well: the retry answers the same refusal")
        void refusalReplayed() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking noShow = guaranteedNoShowCharged(s);
            accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed", s.key()));
            org.rendezvous.core.idempotency.IdempotencyKey key = s.key();
            Reason first = rejected(s.engine.operators().reverseCharge(olga, noShow.id(), "again", key)).reason();
            assertThat(first).isEqualTo(Reason.ALREADY_REVERSED);
            assertThat(rejected(s.engine.operators().reverseCharge(olga, noShow.id(), "again", key)).reason()).isEqualTo(first);
        }

        @Test
        @DisplayName("CX-3, CX-4: a late cancellation's kept part is refunded too, so the client has everything back")
        void lateCancellationKeptPart() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking confirmed = s.confirm(payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            Booking cancelled = accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            s.engine.payments().carryOutDue();

            ChargeReversal reversal = accepted(s.engine.operators().reverseCharge(olga, cancelled.id(), "disputed"));

            assertThat(reversal.refunded()).isEqualTo(eur("30.00"));
            s.engine.payments().carryOutDue();
            assertThat(balances(s).of(Account.REFUNDS)).isEqualTo(eur("60.00"));
            assertThat(balances(s).of(Account.PRACTITIONER_PAYABLE)).isEqualTo(eur("0.00"));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE))
                    .as("no commission left; the platform keeps bearing the provider's fee")
                    .isEqualTo(balances(s).of(Account.PROVIDER_FEES).negate());
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-4, PAY-4: in DIRECT_CONNECT the refund leaves the practitioner's account and the platform's fee is given back")
        void directConnect() {
            Scenario s = MoneyFlowsTest.connect(Scenario.builder().model(CommercialModel.DIRECT_CONNECT)
                    .registeredBefore(Period.ofMonths(3)).settings(x -> x.withNoShowPercentage(Percent.of(50))).build());
            OperatorId olga = operator(s);
            Booking noShow = guaranteedNoShowCharged(s);
            Money revenue = balances(s).of(Account.PLATFORM_REVENUE);
            assertThat(revenue.isPositive()).isTrue();

            ChargeReversal reversal = accepted(s.engine.operators().reverseCharge(olga, noShow.id(), "disputed"));
            s.engine.payments().carryOutDue();

            assertThat(reversal.refunded()).isEqualTo(eur("30.00"));
            assertThat(reversal.commissionUndone()).isEqualTo(revenue).isEqualTo(eur("0.85"));
            assertThat(balances(s).of(Account.PLATFORM_REVENUE)).isEqualTo(eur("0.00"));
            assertThat(balances(s).of(Account.PROVIDER_FEES)).as("PAY-4: the provider's fee is not given back").isEqualTo(eur("0.70"));
            assertThat(balances(s).of(Account.PRACTITIONER_DIRECT)).isEqualTo(eur("-0.70"));
            assertThat(balances(s).of(Account.REFUNDS)).isEqualTo(eur("30.00"));
            assertBooksBalance(s);
        }

        @Test
        @DisplayName("CX-4: a booking without a charge has nothing to reverse; an unknown booking is not found; a reason is required")
        void nothingToReverse() {
            Scenario s = MoneyFlowsTest.platform();
            OperatorId olga = operator(s);
            Booking confirmed = s.bookGuaranteedConfirmed(s.at(DayOfWeek.WEDNESDAY, 9));

            assertThat(rejected(s.engine.operators().reverseCharge(olga, confirmed.id(), "why not")).reason())
                    .isEqualTo(Reason.NOTHING_TO_REVERSE);
            assertThat(rejected(s.engine.operators().reverseCharge(olga,
                    org.rendezvous.core.booking.BookingId.of(java.util.UUID.randomUUID().toString()), "x")).reason())
                    .isEqualTo(Reason.NOT_FOUND);
            assertThatThrownBy(() -> s.engine.operators().reverseCharge(olga, confirmed.id(), " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("reason:");
            assertThat(s.engine.operators().auditLog(10)).isEmpty();
        }
    }

    @Nested
    @DisplayName("Suspension")
    class Suspension {

        @Test
        @DisplayName("a suspended practitioner takes no new booking; reactivated, they do again; both are in the audit log")
        void suspendAndReactivate() {
            Scenario s = Scenario.create();
            OperatorId olga = operator(s);

            assertThat(accepted(s.engine.operators().suspend(olga, s.anna, "fraud report")).suspended()).isTrue();
            assertThat(rejected(s.tryBook(s.at(DayOfWeek.WEDNESDAY, 9))).reason()).isEqualTo(Reason.PRACTITIONER_SUSPENDED);
            assertThat(rejected(s.engine.operators().suspend(olga, s.anna, "again")).reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);

            assertThat(accepted(s.engine.operators().reactivate(olga, s.anna, "cleared")).suspended()).isFalse();
            assertThat(s.tryBook(s.at(DayOfWeek.WEDNESDAY, 9)).isAccepted()).isTrue();
            assertThat(rejected(s.engine.operators().reactivate(olga, s.anna, "again")).reason()).isEqualTo(Reason.ILLEGAL_TRANSITION);
            assertThat(s.engine.operators().auditLog(10)).extracting(OperatorAction::kind)
                    .containsExactly(ActionKind.REACTIVATE_PRACTITIONER, ActionKind.SUSPEND_PRACTITIONER);
            assertThat(s.engine.operators().auditLog(10)).extracting(OperatorAction::reason).containsExactly("cleared", "fraud report");
        }

        @Test
        @DisplayName("the operator area lists practitioners with their state and plan")
        void overview() {
            Scenario s = Scenario.create();
            OperatorId olga = operator(s);
            accepted(s.engine.operators().suspend(olga, s.anna, "check"));

            assertThat(s.engine.operators().practitioners(10)).singleElement().satisfies(p -> {
                assertThat(p.practitioner().id()).isEqualTo(s.anna);
                assertThat(p.suspended()).isTrue();
                assertThat(p.pageEnabled()).isTrue();
                assertThat(p.plan()).isNotNull();
            });
        }
    }

    @Nested
    @DisplayName("Operators' accounts")
    class Accounts {

        @Test
        @DisplayName("ACC-1 for operators: one set-password link, used once; a restart sends none while it is pending")
        void invitation() {
            Scenario s = Scenario.create();
            Invitation invitation = s.engine.operators().invite(OLGA).orElseThrow();
            assertThat(s.engine.operators().invite(OLGA)).as("pending").isEmpty();
            assertThat(rejected(s.engine.operators().login(OLGA, PASSWORD)).reason()).as("no password yet")
                    .isEqualTo(Reason.LOGIN_FAILED);

            OperatorId id = accepted(s.engine.operators().setPassword(invitation.secret(), Password.of(PASSWORD)));

            assertThat(rejected(s.engine.operators().setPassword(invitation.secret(), Password.of(PASSWORD))).reason())
                    .isEqualTo(Reason.INVALID_TOKEN);
            assertThat(s.engine.operators().invite(OLGA)).as("has a password").isEmpty();
            OperatorLoggedIn in = accepted(s.engine.operators().login(EmailAddress.of("OLGA@operators.example"), PASSWORD));
            assertThat(in.operatorId()).isEqualTo(id);
            assertThat(s.engine.operators().sessionValid(id, in.sessionVersion())).isTrue();
            s.engine.operators().logout(id);
            assertThat(s.engine.operators().sessionValid(id, in.sessionVersion())).isFalse();
        }

        @Test
        @DisplayName("an expired link is refused, and the next start sends a new one")
        void expiredLink() {
            Scenario s = Scenario.create();
            Invitation first = s.engine.operators().invite(OLGA).orElseThrow();
            s.setClock(s.now().plus(Duration.ofHours(25)));

            assertThat(rejected(s.engine.operators().setPassword(first.secret(), Password.of(PASSWORD))).reason())
                    .isEqualTo(Reason.TOKEN_EXPIRED);
            Invitation second = s.engine.operators().invite(OLGA).orElseThrow();
            assertThat(accepted(s.engine.operators().setPassword(second.secret(), Password.of(PASSWORD)))).isEqualTo(first.operatorId());
        }

        @Test
        @DisplayName("ACC-3 for operators: from the fifth failure on, even the right password is refused for a while")
        void throttled() {
            Scenario s = Scenario.create();
            operator(s);
            for (int i = 0; i < 5; i++) {
                assertThat(rejected(s.engine.operators().login(OLGA, "wrong password!")).reason()).isEqualTo(Reason.LOGIN_FAILED);
            }
            assertThat(rejected(s.engine.operators().login(OLGA, PASSWORD)).reason()).isEqualTo(Reason.LOGIN_FAILED);
            s.setClock(s.now().plus(Duration.ofMinutes(1)));
            assertThat(s.engine.operators().login(OLGA, PASSWORD).isAccepted()).isTrue();
        }
    }

    @Nested
    @DisplayName("Parked messages")
    class Parked {

        @Test
        @DisplayName("a parked message is put back to pending by an operator, with a reason in the audit log; only a parked one")
        void retry() {
            Scenario s = Scenario.create();
            OperatorId olga = operator(s);
            Booking booking = s.book(s.at(DayOfWeek.WEDNESDAY, 9));
            OutboxMessage message = s.messages(booking).get(0);
            assertThat(rejected(s.engine.operators().retryMessage(olga, message.id(), "try")).reason()).isEqualTo(Reason.NOT_PARKED);
            Lease lease = new Lease("test", s.now().plus(Duration.ofMinutes(5)));
            assertThat(s.stores.outbox().claimDue(s.now(), 100, lease)).isNotEmpty();
            assertThat(s.stores.outbox().park(message.id(), lease, 5, s.now(), "mailbox full")).isTrue();
            assertThat(s.engine.operators().parkedMessages(10)).extracting(e -> e.message().id()).containsExactly(message.id());

            assertThat(accepted(s.engine.operators().retryMessage(olga, message.id(), "mailbox fixed")).state())
                    .isEqualTo(DeliveryState.PENDING);

            assertThat(s.engine.operators().parkedMessages(10)).isEmpty();
            assertThat(s.engine.operators().auditLog(10)).singleElement().satisfies(a -> {
                assertThat(a.kind()).isEqualTo(ActionKind.RETRY_MESSAGE);
                assertThat(a.subject()).isEqualTo(message.id().toString());
                assertThat(a.practitionerId()).contains(s.anna);
            });
            assertThat(rejected(s.engine.operators().retryMessage(olga, new OutboxMessageId(java.util.UUID.randomUUID()), "x"))
                    .reason()).isEqualTo(Reason.NOT_FOUND);
        }
    }

    @Test
    @DisplayName("FEE-4: the platform totals show money in = refunds + provider fees + commissions + payouts + owed")
    void totals() {
        Scenario s = MoneyFlowsTest.platform();
        guaranteedNoShowCharged(s);
        var totals = s.engine.operators().ledgerTotals(EUR);
        assertThat(totals.moneyIn()).isEqualTo(eur("30.00"));
        assertThat(totals.accountedFor()).isEqualTo(totals.moneyIn());
    }

    @Test
    @DisplayName("issue 12: the operator's payout list shows the newest change first, past any number in one state, and pages to the oldest")
    void payoutListNewestFirst() {
        Scenario s = MoneyFlowsTest.platform();
        java.util.List<Payout> failed = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            Instant at = s.clock.instant().plus(Duration.ofMinutes(i));
            Payout payout = new Payout(new PayoutId(java.util.UUID.randomUUID()), s.anna, new PayoutTrigger.Request("r" + i),
                    at, eur("5.00"), PayoutState.FAILED, java.util.List.of(), Optional.empty(), Optional.of("bank refused"),
                    at, at);
            s.stores.payouts().add(payout);
            failed.add(0, payout);
        }

        PayoutPage first = s.engine.operators().payouts(Optional.empty(), Optional.empty(), 3);
        assertThat(first.payouts()).as("the three newest, not the three oldest").containsExactlyElementsOf(failed.subList(0, 3));
        PayoutPage second = s.engine.operators().payouts(Optional.empty(), first.next(), 3);
        assertThat(second.payouts()).containsExactlyElementsOf(failed.subList(3, 6));
        PayoutPage last = s.engine.operators().payouts(Optional.of(PayoutState.FAILED), second.next(), 3);
        assertThat(last.payouts()).containsExactly(failed.get(6));
        assertThat(last.next()).as("no page after the last").isEmpty();
        assertThat(s.engine.operators().payouts(Optional.of(PayoutState.SENT), Optional.empty(), 3).payouts()).isEmpty();
        assertThatThrownBy(() -> s.engine.operators().payouts(Optional.empty(), Optional.empty(), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limit:");
    }
}
