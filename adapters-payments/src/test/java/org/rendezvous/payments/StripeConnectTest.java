package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.AccountOpening;
import org.rendezvous.core.payment.AccountState;
import org.rendezvous.core.payment.AccountStatus;
import org.rendezvous.core.payment.OnboardingLink;
import org.rendezvous.core.payment.OpenAccountRequest;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.payout.StatementLine;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * Issue 12 over real HTTP against the local fake Stripe: Connect Express accounts and Account Links,
 * {@code account.updated} from a Connect endpoint, and payouts as transfers carrying their statement.
 */
class StripeConnectTest {

    static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");
    static final PractitionerId ANNA = PractitionerId.of("00000000-0000-0000-0000-00000000a001");
    static final URI REFRESH = URI.create("https://rdv.example/api/practitioner/payment-account/refresh");
    static final URI RETURN = URI.create("https://rdv.example/api/practitioner/payment-account/return");
    static final String CONNECT_SECRET = "whsec_test_connect_endpoint";

    final StripePaymentGatewayTest.MovableClock clock = new StripePaymentGatewayTest.MovableClock(NOW);
    FakeStripe stripe;

    @BeforeEach
    void startStripe() {
        stripe = new FakeStripe(clock);
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    StripePaymentGateway gateway(CommercialModel model) {
        return new StripePaymentGateway(StripeTestSettings.against(stripe.base(), model), clock);
    }

    static OpenAccountRequest opening(String country) {
        return new OpenAccountRequest(ANNA, EmailAddress.of("anna@example.org"), country, new ProviderKey("rdv:account:" + ANNA));
    }

    String open(StripePaymentGateway gateway) {
        AccountOpening opening = gateway.open(opening("FR"));
        assertThat(opening).isInstanceOf(AccountOpening.Opened.class);
        return ((AccountOpening.Opened) opening).accountId();
    }

    @Nested
    @DisplayName("Express accounts")
    class Accounts {

        @Test
        @DisplayName("DIRECT_CONNECT opens an Express account able to take card payments, prefilled, under the practitioner's key")
        void directAccount() {
            AccountOpening opening = gateway(CommercialModel.DIRECT_CONNECT).open(opening("FR"));

            AccountOpening.Opened opened = (AccountOpening.Opened) opening;
            assertThat(opened.accountId()).startsWith("acct_");
            assertThat(opened.status().state(true)).isEqualTo(AccountState.DETAILS_NEEDED);
            assertThat(opened.status().currentlyDue()).contains("external_account");
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/accounts");
            assertThat(sent.param("type")).isEqualTo("express");
            assertThat(sent.param("country")).isEqualTo("FR");
            assertThat(sent.param("email")).isEqualTo("anna@example.org");
            assertThat(sent.param("capabilities[card_payments][requested]")).isEqualTo("true");
            assertThat(sent.param("capabilities[transfers][requested]")).isEqualTo("true");
            assertThat(sent.param("metadata[practitioner_id]")).isEqualTo(ANNA.toString());
            assertThat(sent.header("Idempotency-Key")).isEqualTo("rdv:account:" + ANNA);
            assertThat(sent.header("Stripe-Account")).isNull();
        }

        @Test
        @DisplayName("PLATFORM_COLLECTS asks for transfers only: the account receives payouts, it takes no payments")
        void platformAccount() {
            open(gateway(CommercialModel.PLATFORM_COLLECTS));
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/accounts");
            assertThat(sent.param("capabilities[transfers][requested]")).isEqualTo("true");
            assertThat(sent.params()).doesNotContainKey("capabilities[card_payments][requested]");
        }

        @Test
        @DisplayName("opened twice with the same key (a lost answer, two clicks): one account")
        void oncePerPractitioner() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            assertThat(open(gateway)).isEqualTo(open(gateway));
            assertThat(stripe.objects("account", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("a refusal and an outage are told apart")
        void failures() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            assertThat(gateway.open(opening("KP"))).isInstanceOf(AccountOpening.Refused.class);
            stripe.failNext("POST", "/v1/accounts", 503, "api_error", null);
            assertThat(gateway.open(new OpenAccountRequest(ANNA, EmailAddress.of("anna@example.org"), "FR",
                    new ProviderKey("rdv:account:other")))).isInstanceOf(AccountOpening.Unreachable.class);
            stripe.failNext("GET", "/v1/accounts/", 503, "api_error", null);
            assertThat(gateway.lookup("acct_whatever")).isInstanceOf(AccountOpening.Unreachable.class);
            assertThat(gateway.lookup("acct_unknown")).isInstanceOf(AccountOpening.Refused.class);
        }

        @Test
        @DisplayName("the account is read back as Stripe has it after onboarding: able to take payments and receive payouts")
        void lookup() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            String accountId = open(gateway);
            stripe.submitDetails(accountId);
            AccountStatus pending = ((AccountOpening.Opened) gateway.lookup(accountId)).status();
            assertThat(pending.state(true)).isEqualTo(AccountState.PENDING_VERIFICATION);
            assertThat(pending.disabledReason()).contains("requirements.pending_verification");

            stripe.completeOnboarding(accountId);
            AccountStatus enabled = ((AccountOpening.Opened) gateway.lookup(accountId)).status();
            assertThat(enabled).isEqualTo(AccountStatus.enabled());
        }
    }

    @Nested
    @DisplayName("Account Links")
    class Links {

        @Test
        @DisplayName("onboarding: an account_onboarding link with the host's refresh and return URLs")
        void onboarding() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            String accountId = open(gateway);

            OnboardingLink link = gateway.link(new OnboardingLink.Request(accountId, OnboardingLink.Purpose.ONBOARDING,
                    REFRESH, RETURN));

            OnboardingLink.Started started = (OnboardingLink.Started) link;
            assertThat(started.url().toString()).startsWith("https://connect.stripe.com/setup/e/" + accountId);
            assertThat(started.expiresAt()).isEqualTo(NOW.plusSeconds(300));
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/account_links");
            assertThat(sent.param("account")).isEqualTo(accountId);
            assertThat(sent.param("type")).isEqualTo("account_onboarding");
            assertThat(sent.param("refresh_url")).isEqualTo(REFRESH.toString());
            assertThat(sent.param("return_url")).isEqualTo(RETURN.toString());
        }

        @Test
        @DisplayName("updating details asks for account_update; Stripe refuses it for Express accounts, so account_onboarding is asked instead")
        void update() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            String accountId = open(gateway);
            stripe.completeOnboarding(accountId);

            OnboardingLink link = gateway.link(new OnboardingLink.Request(accountId, OnboardingLink.Purpose.UPDATE, REFRESH, RETURN));

            assertThat(link).isInstanceOf(OnboardingLink.Started.class);
            assertThat(stripe.requests("POST", "/v1/account_links")).extracting(r -> r.param("type"))
                    .containsExactly("account_update", "account_onboarding");
        }

        @Test
        @DisplayName("an unknown account is refused; an outage is unreachable")
        void failures() {
            StripePaymentGateway gateway = gateway(CommercialModel.DIRECT_CONNECT);
            assertThat(gateway.link(new OnboardingLink.Request("acct_unknown", OnboardingLink.Purpose.ONBOARDING, REFRESH, RETURN)))
                    .isInstanceOf(OnboardingLink.Refused.class);
            stripe.failNext("POST", "/v1/account_links", 503, "api_error", null);
            assertThat(gateway.link(new OnboardingLink.Request("acct_unknown", OnboardingLink.Purpose.ONBOARDING, REFRESH, RETURN)))
                    .isInstanceOf(OnboardingLink.Unreachable.class);
        }
    }

    @Nested
    @DisplayName("webhooks of connected accounts")
    class Webhooks {

        StripeWebhooks webhooks() {
            return new StripeWebhooks(StripeTestSettings.WEBHOOK_SECRET, clock);
        }

        @Test
        @DisplayName("PAY-5 account.updated from a Connect endpoint (its own secret) becomes AccountUpdated, dated by the event")
        void accountUpdated() {
            String accountId = open(gateway(CommercialModel.DIRECT_CONNECT));
            JsonObject account = stripe.completeOnboarding(accountId);
            StringBuilder signature = new StringBuilder();
            String body = stripe.signedEvent("evt_acct_1", "account.updated", account, accountId, CONNECT_SECRET, signature);

            assertThat(webhooks().handle(body, signature.toString())).as("the platform endpoint's secret only")
                    .isInstanceOf(WebhookOutcome.Rejected.class);
            assertThat(webhooks().alsoSignedWith(CONNECT_SECRET).handle(body, signature.toString())).isEqualTo(
                    new WebhookOutcome.Verified(new PaymentEvent.AccountUpdated("evt_acct_1", accountId, AccountStatus.enabled(),
                            NOW)));
        }

        @Test
        @DisplayName("the Stripe CLI signs Connect events with the one secret: accepted as well; requirements come through")
        void accountUpdatedThroughTheCli() {
            String accountId = open(gateway(CommercialModel.DIRECT_CONNECT));
            JsonObject account = stripe.object(accountId);
            StringBuilder signature = new StringBuilder();
            String body = stripe.signedEvent("evt_acct_2", "account.updated", account, accountId,
                    StripeTestSettings.WEBHOOK_SECRET, signature);

            WebhookOutcome outcome = webhooks().handle(body, signature.toString());
            PaymentEvent.AccountUpdated event = (PaymentEvent.AccountUpdated) ((WebhookOutcome.Verified) outcome).event();
            assertThat(event.status().currentlyDue()).contains("external_account", "tos_acceptance.date");
            assertThat(event.status().disabledReason()).contains("requirements.past_due");
        }

        @Test
        @DisplayName("an event from one account describing another is ignored")
        void wrongAccount() {
            String accountId = open(gateway(CommercialModel.DIRECT_CONNECT));
            StringBuilder signature = new StringBuilder();
            String body = stripe.signedEvent("evt_acct_3", "account.updated", stripe.object(accountId), "acct_someoneElse",
                    StripeTestSettings.WEBHOOK_SECRET, signature);
            assertThat(webhooks().handle(body, signature.toString())).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PO-4 a transfer reversed in full comes back as PayoutFailed, by transfer.reversed or transfer.updated")
        void transferReversed() {
            PayoutId payout = PayoutId.of("00000000-0000-0000-0000-0000000000f1");
            PayoutResult sent = gateway(CommercialModel.PLATFORM_COLLECTS).pay(new PayoutOrder(payout, ANNA, Money.of("57.00", "EUR"),
                    new PayoutDestination.ProviderAccount("acct_1Anna", true), payout.toString(), "Payout"));
            String transferId = ((PayoutResult.Sent) sent).reference();
            StringBuilder notReversed = new StringBuilder();
            String changed = stripe.signedEvent("evt_changed", "transfer.updated", stripe.object(transferId), null,
                    StripeTestSettings.WEBHOOK_SECRET, notReversed);
            assertThat(webhooks().handle(changed, notReversed.toString())).isInstanceOf(WebhookOutcome.Ignored.class);
            JsonObject reversed = stripe.reverseTransfer(transferId);

            for (String type : List.of("transfer.reversed", "transfer.updated")) {
                StringBuilder signature = new StringBuilder();
                String body = stripe.signedEvent("evt_" + type, type, reversed, null, StripeTestSettings.WEBHOOK_SECRET, signature);
                assertThat(webhooks().handle(body, signature.toString())).isEqualTo(new WebhookOutcome.Verified(
                        new PaymentEvent.PayoutFailed("evt_" + type, payout, "transfer " + transferId + " reversed")));
            }
        }

        @Test
        @DisplayName("PO-4 a connected account's event naming a payout is ignored: only the platform's own transfers owe a payout again")
        void payoutEventFromAConnectedAccountIsIgnored() {
            PayoutId payout = PayoutId.of("00000000-0000-0000-0000-0000000000f3");
            PayoutResult sent = gateway(CommercialModel.PLATFORM_COLLECTS).pay(new PayoutOrder(payout, ANNA, Money.of("57.00", "EUR"),
                    new PayoutDestination.ProviderAccount("acct_1Anna", true), payout.toString(), "Payout"));
            JsonObject reversed = stripe.reverseTransfer(((PayoutResult.Sent) sent).reference());
            StringBuilder signature = new StringBuilder();
            String body = stripe.signedEvent("evt_forged", "transfer.reversed", reversed, "acct_1Anna",
                    StripeTestSettings.WEBHOOK_SECRET, signature);
            assertThat(webhooks().handle(body, signature.toString())).isInstanceOf(WebhookOutcome.Ignored.class);
        }
    }

    @Nested
    @DisplayName("PO-5 payouts as transfers carrying their statement")
    class Statement {

        final PayoutId payout = PayoutId.of("00000000-0000-0000-0000-0000000000f2");

        PayoutOrder order(int lines) {
            List<StatementLine> statement = new ArrayList<>();
            for (int i = 0; i < lines; i++) {
                statement.add(new StatementLine(NOW.minusSeconds(3600L * (lines - i)), "EARNINGS_RELEASED",
                        Optional.of(BookingId.of(String.format("00000000-0000-0000-0000-%012d", i + 1))), Money.of("1.00", "EUR")));
            }
            return new PayoutOrder(payout, ANNA, Money.of(lines + ".00", "EUR"), new PayoutDestination.ProviderAccount("acct_1Anna", true),
                    payout.toString(), "Rendezvous payout cycle:2030-03-01", statement);
        }

        Map<String, String> metadataSent() {
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/transfers");
            Map<String, String> metadata = new java.util.TreeMap<>();
            sent.params().forEach((k, v) -> {
                if (k.startsWith("metadata[")) {
                    metadata.put(k.substring("metadata[".length(), k.length() - 1), v);
                }
            });
            return metadata;
        }

        @Test
        @DisplayName("PO-5 a transfer group per payout; the items, their count and total in metadata")
        void smallStatement() {
            assertThat(gateway(CommercialModel.PLATFORM_COLLECTS).pay(order(3))).isInstanceOf(PayoutResult.Sent.class);

            assertThat(stripe.last("POST", "/v1/transfers").param("transfer_group")).isEqualTo("payout_" + payout);
            Map<String, String> metadata = metadataSent();
            assertThat(metadata).containsEntry("payout_id", payout.toString()).containsEntry("practitioner_id", ANNA.toString())
                    .containsEntry("items_count", "3").containsEntry("items_total", "3.00 EUR")
                    .doesNotContainKey("items_not_listed");
            assertThat(metadata.get("items_1").split("\n")).hasSize(3);
            assertThat(metadata.get("items_1")).startsWith("2030-03-04 EARNINGS_RELEASED 00000000-0000-0000-0000-000000000001 1.00 EUR");
        }

        @Test
        @DisplayName("PO-5 a long statement stays within Stripe's limits (50 keys, 40-character keys, 500-character values); what does not fit is counted")
        void longStatement() {
            assertThat(gateway(CommercialModel.PLATFORM_COLLECTS).pay(order(1000))).isInstanceOf(PayoutResult.Sent.class);

            Map<String, String> metadata = metadataSent();
            assertThat(metadata).hasSizeLessThanOrEqualTo(50);
            assertThat(metadata.keySet()).allSatisfy(k -> assertThat(k.length()).isLessThanOrEqualTo(40));
            assertThat(metadata.values()).allSatisfy(v -> assertThat(v.length()).isLessThanOrEqualTo(500));
            int listed = metadata.entrySet().stream().filter(e -> e.getKey().startsWith("items_") && e.getKey().matches("items_\\d+"))
                    .mapToInt(e -> e.getValue().split("\n").length).sum();
            assertThat(listed).isGreaterThan(200);
            assertThat(listed + Integer.parseInt(metadata.get("items_not_listed"))).isEqualTo(1000);
            assertThat(metadata).containsEntry("items_count", "1000").containsEntry("items_total", "1000.00 EUR");
        }
    }
}
