package org.rendezvous.core.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.lifecycle.Scenario.accepted;
import static org.rendezvous.core.lifecycle.Scenario.eur;
import static org.rendezvous.core.lifecycle.Scenario.rejected;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.PaymentAccountService;
import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.booking.Booking;
import org.rendezvous.core.booking.CancelByClientCommand;
import org.rendezvous.core.money.Percent;
import org.rendezvous.core.outcome.Reason;
import org.rendezvous.core.payment.AccountState;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutState;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.sandbox.SandboxPaymentGateway;

/**
 * Issue 12: a practitioner connects a payment account (the sandbox plays the provider's onboarding pages and
 * its {@code account.updated} events); online payment waits for it in DIRECT_CONNECT, payouts in
 * PLATFORM_COLLECTS (PO-4).
 */
class PaymentAccountTest {

    static final URI REFRESH = URI.create("https://rdv.example/api/practitioner/payment-account/refresh");
    static final URI RETURN = URI.create("https://rdv.example/api/practitioner/payment-account/return");

    /** Events reach the engine as webhooks would: account news to the accounts, the rest to payments. */
    static Scenario wired(Scenario s) {
        s.gateway.onEvent(event -> {
            if (event instanceof PaymentEvent.AccountUpdated updated) {
                s.engine.paymentAccounts().apply(updated);
            } else {
                s.engine.payments().apply(event);
            }
        });
        return s;
    }

    static String onboard(Scenario s) {
        OnboardingLink.Started link = accepted(s.engine.paymentAccounts().startOnboarding(s.anna, "FR", REFRESH, RETURN));
        String accountId = s.engine.paymentAccounts().find(s.anna).orElseThrow().account().accountId();
        assertThat(link.url().toString()).endsWith("/sandbox/onboarding/" + accountId);
        assertThat(s.gateway.openLink(accountId).orElseThrow().returnUrl()).isEqualTo(RETURN);
        return accountId;
    }

    @Nested
    @DisplayName("onboarding with the sandbox provider")
    class Onboarding {

        @Test
        @DisplayName("a new account needs details; the sandbox page completes them and its event enables the account")
        void completeOnboarding() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            assertThat(s.engine.paymentAccounts().find(s.anna)).isEmpty();

            String accountId = onboard(s);
            PaymentAccountService.View view = s.engine.paymentAccounts().find(s.anna).orElseThrow();
            assertThat(view.state()).isEqualTo(AccountState.DETAILS_NEEDED);
            assertThat(view.account().status().currentlyDue()).contains("external_account");
            assertThat(view.account().canTakePayments()).isFalse();

            s.setClock(s.now().plus(Duration.ofMinutes(5)));
            s.gateway.updateAccount(accountId, AccountStatus.pendingVerification());
            assertThat(s.engine.paymentAccounts().find(s.anna).orElseThrow().state()).isEqualTo(AccountState.PENDING_VERIFICATION);

            s.setClock(s.now().plus(Duration.ofMinutes(5)));
            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            view = s.engine.paymentAccounts().find(s.anna).orElseThrow();
            assertThat(view.state()).isEqualTo(AccountState.ENABLED);
            assertThat(view.account().canTakePayments()).isTrue();
            assertThat(view.account().canReceivePayouts()).isTrue();
        }

        @Test
        @DisplayName("starting again continues with the same account; once details are given the page is for updating them")
        void sameAccountTwice() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            String first = onboard(s);
            String second = onboard(s);
            assertThat(second).isEqualTo(first);
            assertThat(s.gateway.openLink(first).orElseThrow().purpose()).isEqualTo(OnboardingLink.Purpose.ONBOARDING);

            s.gateway.updateAccount(first, AccountStatus.enabled());
            onboard(s);
            assertThat(s.gateway.openLink(first).orElseThrow().purpose()).isEqualTo(OnboardingLink.Purpose.UPDATE);
        }

        @Test
        @DisplayName("PAY-5 an account event applied twice changes nothing; an older one than known is ignored")
        void eventsOnceAndInOrder() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            String accountId = onboard(s);
            PaymentEvent.AccountUpdated enabled = new PaymentEvent.AccountUpdated("evt_2", accountId, AccountStatus.enabled(),
                    s.now().plusSeconds(60));
            PaymentEvent.AccountUpdated older = new PaymentEvent.AccountUpdated("evt_1", accountId,
                    AccountStatus.pendingVerification(), s.now().plusSeconds(30));

            accepted(s.engine.paymentAccounts().apply(enabled));
            accepted(s.engine.paymentAccounts().apply(enabled));
            accepted(s.engine.paymentAccounts().apply(older));

            assertThat(s.engine.paymentAccounts().find(s.anna).orElseThrow().state()).isEqualTo(AccountState.ENABLED);
            assertThat(rejected(s.engine.paymentAccounts().apply(new PaymentEvent.AccountUpdated("evt_3", "acct_nobody",
                    AccountStatus.enabled(), s.now()))).reason()).isEqualTo(Reason.NOT_FOUND);
        }

        @Test
        @DisplayName("PAY-5 an account event of the same second as the known state is applied: the provider's times are whole seconds")
        void eventOfTheSameSecond() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            s.clock.set(s.now().plusMillis(700));
            String accountId = onboard(s);
            // Stripe's event.created is in seconds: an event created 0.3 s after onboarding reads as 0.7 s before it.
            Instant sameSecond = s.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

            accepted(s.engine.paymentAccounts().apply(new PaymentEvent.AccountUpdated("evt_same_second", accountId,
                    AccountStatus.enabled(), sameSecond)));

            assertThat(s.engine.paymentAccounts().find(s.anna).orElseThrow().state()).isEqualTo(AccountState.ENABLED);
            accepted(s.engine.paymentAccounts().apply(new PaymentEvent.AccountUpdated("evt_second_before", accountId,
                    AccountStatus.pendingVerification(), sameSecond.minusSeconds(1))));
            assertThat(s.engine.paymentAccounts().find(s.anna).orElseThrow().state()).isEqualTo(AccountState.ENABLED);
        }

        @Test
        @DisplayName("coming back from the provider's page reads the account's state from the provider")
        void refreshReadsTheProvider() {
            Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build();
            String accountId = onboard(s); // no events wired: only the refresh can tell
            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            s.setClock(s.now().plusSeconds(1));
            assertThat(accepted(s.engine.paymentAccounts().refresh(s.anna)).state()).isEqualTo(AccountState.ENABLED);
        }

        @Test
        @DisplayName("an unreachable provider is told as such, and nothing is stored")
        void unreachable() {
            Scenario s = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build();
            s.gateway.setReachable(false);
            assertThat(rejected(s.engine.paymentAccounts().startOnboarding(s.anna, "FR", REFRESH, RETURN)).reason())
                    .isEqualTo(Reason.PAYMENT_PROVIDER_UNAVAILABLE);
            assertThat(s.engine.paymentAccounts().find(s.anna)).isEmpty();
            assertThat(rejected(s.engine.paymentAccounts().refresh(s.anna)).reason()).isEqualTo(Reason.NO_PAYMENT_ACCOUNT);
        }
    }

    @Nested
    @DisplayName("DIRECT_CONNECT: online payment waits for an account that can take payments")
    class Gating {

        @Test
        @DisplayName("PAY-1 payment at booking cannot be switched on before the account can take payments")
        void onlinePaymentNeedsAnEnabledAccount() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            var refused = rejected(s.engine.practitioners().changeSettings(s.anna,
                    s.settings().withOnlinePayment(OnlinePayment.REQUIRED)));
            assertThat(refused.reason()).isEqualTo(Reason.PAYMENT_ACCOUNT_NOT_READY);
            assertThat(refused.detail()).startsWith("onlinePayment:");
            assertThat(rejected(s.engine.practitioners().changeSettings(s.anna,
                    s.settings().withOnlinePayment(OnlinePayment.OPTIONAL))).reason()).isEqualTo(Reason.PAYMENT_ACCOUNT_NOT_READY);

            String accountId = onboard(s);
            s.gateway.updateAccount(accountId, AccountStatus.pendingVerification());
            assertThat(rejected(s.engine.practitioners().changeSettings(s.anna,
                    s.settings().withOnlinePayment(OnlinePayment.REQUIRED))).reason()).isEqualTo(Reason.PAYMENT_ACCOUNT_NOT_READY);

            s.setClock(s.now().plusSeconds(1));
            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            assertThat(accepted(s.engine.practitioners().changeSettings(s.anna,
                    s.settings().withOnlinePayment(OnlinePayment.REQUIRED))).onlinePayment()).isEqualTo(OnlinePayment.REQUIRED);
        }

        @Test
        @DisplayName("PAY-2 a card guarantee (no-show percentage above 0) cannot be switched on before the account can take payments")
        void guaranteeNeedsAnEnabledAccount() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.DIRECT_CONNECT).withoutPaymentAccount().build());
            var refused = rejected(s.engine.practitioners().changeSettings(s.anna,
                    s.settings().withNoShowPercentage(Percent.of(50))));
            assertThat(refused.reason()).isEqualTo(Reason.PAYMENT_ACCOUNT_NOT_READY);
            assertThat(refused.detail()).startsWith("noShowPercentage:");
            // Other settings still change.
            accepted(s.engine.practitioners().changeSettings(s.anna, s.settings().withWaitlistAlerts(true)));
        }

        @Test
        @DisplayName("PLATFORM_COLLECTS takes payments on the platform's account: nothing to wait for")
        void platformIsNotGated() {
            Scenario s = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS).build();
            accepted(s.engine.practitioners().changeSettings(s.anna, s.settings().withNoShowPercentage(Percent.of(50))));
        }
    }

    @Nested
    @DisplayName("PLATFORM_COLLECTS: payouts to the connected account")
    class Payouts {

        static final LocalDate CYCLE = LocalDate.of(2025, 6, 15);

        @Test
        @DisplayName("PO-4 payouts to an account that cannot receive them yet are carried over; once its event says it can, the next cycle pays")
        void carriedOverUntilTheAccountCanReceivePayouts() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                    .settings(x -> x.withNoShowPercentage(Percent.of(50))).build());
            String accountId = onboard(s);
            PaymentAccountService.View used = accepted(s.engine.paymentAccounts().useForPayouts(s.anna));
            assertThat(used.usedForPayouts()).isTrue();
            assertThat(s.engine.payouts().destination(s.anna)).contains(new PayoutDestination.ProviderAccount(accountId, false));

            Booking confirmed = s.confirm(MoneyFlowsTest.payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.engine.payouts().ofPractitioner(s.anna)).singleElement()
                    .satisfies(p -> assertThat(p.state()).isEqualTo(PayoutState.CARRIED_OVER));

            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            assertThat(s.engine.payouts().destination(s.anna)).contains(new PayoutDestination.ProviderAccount(accountId, true));
            s.setClock(s.at(LocalDate.of(2025, 7, 1), 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.gateway.movements().stream().filter(m -> m.kind().equals("payout")).toList())
                    .extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("28.50"));
        }

        @Test
        @DisplayName("PO-4 a transfer the provider reverses (transfer.reversed) fails the payout once: the balance is owed again and goes with the next cycle")
        void reversedTransferIsOwedAgain() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS)
                    .settings(x -> x.withNoShowPercentage(Percent.of(50))).build());
            String accountId = onboard(s);
            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            accepted(s.engine.paymentAccounts().useForPayouts(s.anna));
            Booking confirmed = s.confirm(MoneyFlowsTest.payOnline(s, s.book(s.at(DayOfWeek.TUESDAY, 9), ConsultationMode.VIDEO)));
            accepted(s.engine.clientBookings().cancelByClient(new CancelByClientCommand(confirmed.accessToken(), s.key())));
            s.setClock(s.at(CYCLE, 8, 0));
            s.engine.payouts().runDueCycle();
            var sent = s.engine.payouts().ofPractitioner(s.anna).get(0);
            assertThat(sent.state()).isEqualTo(PayoutState.SENT);
            assertThat(sent.statement()).isNotEmpty();
            assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("0.00"));

            PaymentEvent.PayoutFailed reversed = new PaymentEvent.PayoutFailed("evt_tr_reversed", sent.id(),
                    "transfer tr_1 reversed");
            assertThat(accepted(s.engine.payouts().apply(reversed)).state()).isEqualTo(PayoutState.FAILED);
            accepted(s.engine.payouts().apply(reversed));
            assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("28.50"));
            MoneyFlowsTest.assertBooksBalance(s);

            s.setClock(s.at(LocalDate.of(2025, 7, 1), 8, 0));
            s.engine.payouts().runDueCycle();
            assertThat(s.gateway.movements().stream().filter(m -> m.kind().equals("payout")).toList())
                    .extracting(SandboxPaymentGateway.Movement::amount).containsExactly(eur("28.50"), eur("28.50"));
            assertThat(s.engine.payouts().payableBalance(s.anna)).isEqualTo(eur("0.00"));
            MoneyFlowsTest.assertBooksBalance(s);
        }

        @Test
        @DisplayName("an account's later trouble stops payouts again (the destination follows the provider's word)")
        void destinationFollowsTheAccount() {
            Scenario s = wired(Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS).build());
            String accountId = onboard(s);
            s.gateway.updateAccount(accountId, AccountStatus.enabled());
            accepted(s.engine.paymentAccounts().useForPayouts(s.anna));
            s.setClock(s.now().plusSeconds(1));
            s.gateway.updateAccount(accountId, new AccountStatus(true, true, false, List.of(), List.of("external_account"),
                    Optional.of("requirements.past_due")));
            assertThat(s.engine.payouts().destination(s.anna).orElseThrow().ready()).isFalse();
            assertThat(s.engine.paymentAccounts().find(s.anna).orElseThrow().state()).isEqualTo(AccountState.DETAILS_NEEDED);
        }

        @Test
        @DisplayName("without a connected account there is nothing to pay out to, and DIRECT_CONNECT has no payouts at all")
        void refusals() {
            Scenario platform = Scenario.builder().model(CommercialModel.PLATFORM_COLLECTS).build();
            assertThat(rejected(platform.engine.paymentAccounts().useForPayouts(platform.anna)).reason())
                    .isEqualTo(Reason.NO_PAYMENT_ACCOUNT);
            Scenario direct = Scenario.builder().model(CommercialModel.DIRECT_CONNECT).build();
            assertThat(rejected(direct.engine.paymentAccounts().useForPayouts(direct.anna)).reason())
                    .isEqualTo(Reason.NO_PAYOUTS_IN_THIS_MODEL);
        }
    }
}
