package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.stripe.Stripe;
import com.stripe.net.Webhook;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.PaymentEvent;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.practitioner.PractitionerId;

/** PAY-5: signed Stripe webhooks become the core's payment events; anything else is rejected or ignored. */
class StripeWebhooksTest {

    static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");
    static final BookingId BOOKING = BookingId.of("00000000-0000-0000-0000-00000000b001");
    static final PayoutId PAYOUT = PayoutId.of("00000000-0000-0000-0000-0000000000f1");
    static final Gson GSON = new Gson();

    final StripeWebhooks webhooks = new StripeWebhooks(StripeTestSettings.WEBHOOK_SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

    static String event(String id, String type, JsonObject object) {
        return event(id, type, object, null);
    }

    static String event(String id, String type, JsonObject object, String account) {
        JsonObject data = new JsonObject();
        data.add("object", object);
        JsonObject event = new JsonObject();
        event.addProperty("id", id);
        event.addProperty("object", "event");
        event.addProperty("api_version", Stripe.API_VERSION);
        event.addProperty("created", NOW.getEpochSecond());
        event.addProperty("type", type);
        event.addProperty("livemode", false);
        event.addProperty("pending_webhooks", 1);
        if (account != null) {
            event.addProperty("account", account);
        }
        event.add("data", data);
        return GSON.toJson(event);
    }

    static String sign(String body, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(body, secret, at.getEpochSecond());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String signed(String body) {
        return sign(body, StripeTestSettings.WEBHOOK_SECRET, NOW);
    }

    static JsonObject metadata(String key, String value) {
        JsonObject metadata = new JsonObject();
        metadata.addProperty(key, value);
        return metadata;
    }

    static JsonObject paidSession() {
        JsonObject session = new JsonObject();
        session.addProperty("id", "cs_test_1");
        session.addProperty("object", "checkout.session");
        session.addProperty("mode", "payment");
        session.addProperty("status", "complete");
        session.addProperty("payment_status", "paid");
        session.addProperty("amount_total", 6000);
        session.addProperty("currency", "eur");
        session.addProperty("payment_intent", "pi_test_1");
        session.addProperty("client_reference_id", BOOKING.toString());
        session.add("metadata", metadata("booking_id", BOOKING.toString()));
        return session;
    }

    @Nested
    @DisplayName("PAY-5 signature and freshness")
    class Signature {

        @Test
        @DisplayName("PAY-5 a valid delivery is verified and mapped")
        void valid() {
            String body = event("evt_1", "checkout.session.completed", paidSession());

            assertThat(webhooks.handle(body, signed(body))).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.PaymentSucceeded("evt_1", BOOKING, Money.of("60.00", "EUR"), "pi_test_1", Optional.empty())));
        }

        @Test
        @DisplayName("PAY-5 a tampered body is rejected")
        void tamperedBody() {
            String body = event("evt_1", "checkout.session.completed", paidSession());
            String header = signed(body);

            assertThat(webhooks.handle(body.replace("6000", "1"), header)).isInstanceOf(WebhookOutcome.Rejected.class);
        }

        @Test
        @DisplayName("PAY-5 a delivery signed with another secret is rejected")
        void wrongSecret() {
            String body = event("evt_1", "checkout.session.completed", paidSession());

            assertThat(webhooks.handle(body, sign(body, "whsec_someone_else", NOW))).isInstanceOf(WebhookOutcome.Rejected.class);
        }

        @Test
        @DisplayName("PAY-5 signed more than 5 minutes ago: rejected; exactly 5 minutes: accepted")
        void toleranceBoundary() {
            String body = event("evt_1", "checkout.session.completed", paidSession());

            assertThat(webhooks.handle(body, sign(body, StripeTestSettings.WEBHOOK_SECRET, NOW.minus(Duration.ofSeconds(301)))))
                    .isInstanceOf(WebhookOutcome.Rejected.class);
            assertThat(webhooks.handle(body, sign(body, StripeTestSettings.WEBHOOK_SECRET, NOW.minus(Duration.ofMinutes(5)))))
                    .isInstanceOf(WebhookOutcome.Verified.class);
        }

        @Test
        @DisplayName("PAY-5 a replayed delivery: within 5 minutes the same event id, which the core applies once; later, rejected")
        void replayedEvent() {
            String body = event("evt_1", "checkout.session.completed", paidSession());
            String header = signed(body);
            WebhookOutcome first = webhooks.handle(body, header);
            StripeWebhooks later = new StripeWebhooks(StripeTestSettings.WEBHOOK_SECRET,
                    Clock.fixed(NOW.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));

            assertThat(webhooks.handle(body, header)).isEqualTo(first);
            assertThat(((WebhookOutcome.Verified) first).event().eventId()).isEqualTo("evt_1");
            assertThat(later.handle(body, header)).isInstanceOf(WebhookOutcome.Rejected.class);
        }

        @Test
        @DisplayName("PAY-5 a missing header, an empty or non-JSON body: rejected, nothing thrown")
        void badInput() {
            String notJson = "hello";

            assertThat(webhooks.handle("{}", null)).isInstanceOf(WebhookOutcome.Rejected.class);
            assertThat(webhooks.handle("", "t=1,v1=abc")).isInstanceOf(WebhookOutcome.Rejected.class);
            assertThat(webhooks.handle(notJson, signed(notJson))).isInstanceOf(WebhookOutcome.Rejected.class);
            assertThat(webhooks.handle("{}", "garbage")).isInstanceOf(WebhookOutcome.Rejected.class);
        }
    }

    @Nested
    @DisplayName("PAY-5 mapping of events")
    class Mapping {

        WebhookOutcome deliver(String id, String type, JsonObject object) {
            String body = event(id, type, object);
            return webhooks.handle(body, signed(body));
        }

        @Test
        @DisplayName("PAY-2 checkout.session.completed in setup mode → GuaranteeSaved with the SetupIntent")
        void setupCompleted() {
            JsonObject session = paidSession();
            session.addProperty("mode", "setup");
            session.addProperty("payment_status", "no_payment_required");
            session.add("payment_intent", null);
            session.addProperty("setup_intent", "seti_test_1");

            assertThat(deliver("evt_2", "checkout.session.completed", session)).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.GuaranteeSaved("evt_2", BOOKING, "seti_test_1")));
        }

        @Test
        @DisplayName("PAY-1 a delayed payment: completed unpaid is ignored, async_payment_succeeded reports it, async_payment_failed fails it")
        void delayedPayment() {
            JsonObject unpaid = paidSession();
            unpaid.addProperty("payment_status", "unpaid");

            assertThat(deliver("evt_3", "checkout.session.completed", unpaid)).isInstanceOf(WebhookOutcome.Ignored.class);
            assertThat(deliver("evt_4", "checkout.session.async_payment_succeeded", paidSession()))
                    .isEqualTo(new WebhookOutcome.Verified(new PaymentEvent.PaymentSucceeded("evt_4", BOOKING,
                            Money.of("60.00", "EUR"), "pi_test_1", Optional.empty())));
            assertThat(deliver("evt_5", "checkout.session.async_payment_failed", unpaid))
                    .isInstanceOf(WebhookOutcome.Verified.class)
                    .extracting(o -> ((WebhookOutcome.Verified) o).event()).isInstanceOf(PaymentEvent.PaymentFailed.class);
        }

        @Test
        @DisplayName("PAY-5 payment_intent.succeeded is ignored: the session's event reports the payment once")
        void paymentIntentSucceededIgnored() {
            JsonObject intent = new JsonObject();
            intent.addProperty("id", "pi_test_1");
            intent.addProperty("object", "payment_intent");
            intent.addProperty("status", "succeeded");
            intent.add("metadata", metadata("booking_id", BOOKING.toString()));

            assertThat(deliver("evt_6", "payment_intent.succeeded", intent)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PAY-5 payment_intent.payment_failed → PaymentFailed; an off-session charge's failure is ignored")
        void paymentFailed() {
            JsonObject intent = new JsonObject();
            intent.addProperty("id", "pi_test_1");
            intent.addProperty("object", "payment_intent");
            intent.addProperty("status", "requires_payment_method");
            JsonObject error = new JsonObject();
            error.addProperty("code", "card_declined");
            error.addProperty("message", "Your card was declined.");
            intent.add("last_payment_error", error);
            intent.add("metadata", metadata("booking_id", BOOKING.toString()));

            assertThat(deliver("evt_7", "payment_intent.payment_failed", intent)).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.PaymentFailed("evt_7", BOOKING, "card_declined: Your card was declined.")));
            intent.getAsJsonObject("metadata").addProperty("rdv_flow", "off_session");
            assertThat(deliver("evt_8", "payment_intent.payment_failed", intent)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PAY-4 refund.failed and charge.refund.updated (failed) → RefundFailed; a succeeded refund is ignored")
        void refundFailed() {
            JsonObject refund = new JsonObject();
            refund.addProperty("id", "re_test_1");
            refund.addProperty("object", "refund");
            refund.addProperty("status", "failed");
            refund.addProperty("failure_reason", "expired_or_canceled_card");
            refund.add("metadata", metadata("booking_id", BOOKING.toString()));

            assertThat(deliver("evt_9", "refund.failed", refund)).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.RefundFailed("evt_9", BOOKING, "re_test_1", "expired_or_canceled_card")));
            assertThat(deliver("evt_10", "charge.refund.updated", refund)).isInstanceOf(WebhookOutcome.Verified.class);
            refund.addProperty("status", "succeeded");
            assertThat(deliver("evt_11", "charge.refund.updated", refund)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PO-2 transfer.reversed in full → PayoutFailed; a partial reversal is left to an operator")
        void transferReversed() {
            JsonObject transfer = new JsonObject();
            transfer.addProperty("id", "tr_test_1");
            transfer.addProperty("object", "transfer");
            transfer.addProperty("amount", 57000);
            transfer.addProperty("amount_reversed", 57000);
            transfer.addProperty("reversed", true);
            transfer.add("metadata", metadata("payout_id", PAYOUT.toString()));

            assertThat(deliver("evt_12", "transfer.reversed", transfer)).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.PayoutFailed("evt_12", PAYOUT, "transfer tr_test_1 reversed")));
            transfer.addProperty("amount_reversed", 1000);
            assertThat(deliver("evt_13", "transfer.reversed", transfer)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PO-2 payout.failed → PayoutFailed only for a payout of ours; a connected account's own bank payout is ignored")
        void payoutFailed() {
            JsonObject payout = new JsonObject();
            payout.addProperty("id", "po_test_1");
            payout.addProperty("object", "payout");
            payout.addProperty("status", "failed");
            payout.addProperty("failure_code", "account_closed");
            payout.addProperty("failure_message", "The bank account has been closed.");
            payout.add("metadata", new JsonObject());

            assertThat(deliver("evt_14", "payout.failed", payout)).isInstanceOf(WebhookOutcome.Ignored.class);
            payout.add("metadata", metadata("payout_id", PAYOUT.toString()));
            assertThat(deliver("evt_15", "payout.failed", payout)).isEqualTo(new WebhookOutcome.Verified(
                    new PaymentEvent.PayoutFailed("evt_15", PAYOUT, "account_closed: The bank account has been closed.")));
        }

        @Test
        @DisplayName("PAY-5 expired pages, unknown types and sessions of others are ignored, with the reason")
        void ignored() {
            JsonObject expired = paidSession();
            expired.addProperty("status", "expired");
            JsonObject foreign = paidSession();
            foreign.add("metadata", new JsonObject());
            foreign.add("client_reference_id", null);

            assertThat(deliver("evt_16", "checkout.session.expired", expired)).isInstanceOf(WebhookOutcome.Ignored.class);
            assertThat(deliver("evt_17", "customer.created", new JsonObject())).isEqualTo(
                    new WebhookOutcome.Ignored("evt_17", "customer.created", "not an event the engine uses"));
            assertThat(deliver("evt_18", "checkout.session.completed", foreign)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PAY-5 mapping is deterministic: the same delivery twice gives equal outcomes")
        void deterministic() {
            String body = event("evt_19", "checkout.session.completed", paidSession());
            String header = signed(body);

            assertThat(webhooks.handle(body, header)).isEqualTo(webhooks.handle(body, header));
        }
    }

    @Nested
    @DisplayName("PAY-5 a booking's events come from the account its payment lives on")
    class Accounts {

        final StripeWebhooks direct = new StripeWebhooks(StripeTestSettings.WEBHOOK_SECRET,
                booking -> booking.equals(BOOKING) ? Optional.of("acct_1Anna") : Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

        WebhookOutcome deliver(StripeWebhooks to, String account) {
            String body = event("evt_30", "checkout.session.completed", paidSession(), account);
            return to.handle(body, signed(body));
        }

        @Test
        @DisplayName("PAY-5 DIRECT_CONNECT: from the practitioner's connected account → verified")
        void fromTheBookingsAccount() {
            assertThat(deliver(direct, "acct_1Anna")).isInstanceOf(WebhookOutcome.Verified.class);
        }

        @Test
        @DisplayName("PAY-5 DIRECT_CONNECT: another practitioner's account, or the platform, naming this booking → ignored")
        void fromAnotherAccount() {
            assertThat(deliver(direct, "acct_1Mallory")).isInstanceOf(WebhookOutcome.Ignored.class);
            assertThat(deliver(direct, null)).isInstanceOf(WebhookOutcome.Ignored.class);
        }

        @Test
        @DisplayName("PAY-5 PLATFORM_COLLECTS: a booking event from a connected account → ignored")
        void platformEventsOnly() {
            assertThat(deliver(webhooks, "acct_1Anna")).isInstanceOf(WebhookOutcome.Ignored.class);
            assertThat(deliver(webhooks, null)).isInstanceOf(WebhookOutcome.Verified.class);
        }
    }

    @Test
    @DisplayName("PAY-1 PAY-4 round trip: page opened at the fake Stripe, paid, its webhook's reference refunds the payment")
    void roundTripThroughTheFake() {
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        try (FakeStripe stripe = new FakeStripe(clock)) {
            StripePaymentGateway gateway = new StripePaymentGateway(
                    StripeTestSettings.against(stripe.base(), CommercialModel.PLATFORM_COLLECTS), clock);
            PractitionerId anna = PractitionerId.of("00000000-0000-0000-0000-00000000a001");
            CheckoutSession.Started page = (CheckoutSession.Started) gateway.startPayment(new PaymentRequest(BOOKING, anna,
                    Money.of("60.00", "EUR"), Money.of("0.00", "EUR"), Optional.empty(), EmailAddress.of("client@example.org"),
                    "Shiatsu", NOW.plus(Duration.ofMinutes(30)), new ProviderKey("rdv:checkout:" + BOOKING)));
            String body = event("evt_20", "checkout.session.completed", stripe.complete(page.reference()));

            WebhookOutcome outcome = webhooks.handle(body, signed(body));

            assertThat(outcome).isInstanceOf(WebhookOutcome.Verified.class);
            PaymentEvent.PaymentSucceeded paid = (PaymentEvent.PaymentSucceeded) ((WebhookOutcome.Verified) outcome).event();
            assertThat(paid.bookingId()).isEqualTo(BOOKING);
            assertThat(paid.amount()).isEqualTo(Money.of("60.00", "EUR"));
            assertThat(gateway.refund(new RefundRequest(BOOKING, anna, paid.reference(), Money.of("60.00", "EUR"),
                    Optional.empty(), "late payment", new ProviderKey("rdv:refund:late")))).isInstanceOf(RefundResult.Refunded.class);
        }
    }
}
