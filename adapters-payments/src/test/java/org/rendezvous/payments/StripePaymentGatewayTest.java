package org.rendezvous.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.contact.EmailAddress;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.payment.ChargeRequest;
import org.rendezvous.core.payment.ChargeResult;
import org.rendezvous.core.payment.CheckoutSession;
import org.rendezvous.core.payment.GuaranteeRequest;
import org.rendezvous.core.payment.PaymentRequest;
import org.rendezvous.core.payment.ProviderKey;
import org.rendezvous.core.payment.RefundRequest;
import org.rendezvous.core.payment.RefundResult;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutId;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What the gateway sends to Stripe and what it makes of Stripe's answers, over real HTTP against a
 * local fake Stripe that records every request and replays idempotency keys as Stripe does.
 */
class StripePaymentGatewayTest {

    static final Instant NOW = Instant.parse("2030-03-04T08:00:00Z");
    static final String ACCOUNT = "acct_1Anna";
    static final BookingId BOOKING = BookingId.of("00000000-0000-0000-0000-00000000b001");
    static final BookingId OTHER_BOOKING = BookingId.of("00000000-0000-0000-0000-00000000b002");
    static final PractitionerId ANNA = PractitionerId.of("00000000-0000-0000-0000-00000000a001");
    static final EmailAddress CLIENT = EmailAddress.of("client@example.org");

    final MovableClock clock = new MovableClock(NOW);
    FakeStripe stripe;

    @BeforeEach
    void startStripe() {
        stripe = new FakeStripe(clock);
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }

    StripePaymentGateway platform() {
        return new StripePaymentGateway(StripeTestSettings.against(stripe.base(), CommercialModel.PLATFORM_COLLECTS), clock);
    }

    StripePaymentGateway direct() {
        return new StripePaymentGateway(StripeTestSettings.against(stripe.base(), CommercialModel.DIRECT_CONNECT),
                booking -> booking.equals(BOOKING) ? Optional.of(ACCOUNT) : Optional.empty(), clock);
    }

    static Money eur(String amount) {
        return Money.of(amount, "EUR");
    }

    static PaymentRequest payment(Money amount, Money fee, Optional<String> account, Instant holdExpiry) {
        return new PaymentRequest(BOOKING, ANNA, amount, fee, account, CLIENT, "Shiatsu 60 min", holdExpiry,
                new ProviderKey("rdv:checkout:" + BOOKING));
    }

    static ChargeRequest charge(String guarantee, Money amount, Money fee, Optional<String> account) {
        return new ChargeRequest(BOOKING, ANNA, guarantee, amount, fee, account, "No-show",
                new ProviderKey("rdv:charge:" + BOOKING + ":NO_SHOW:v3"));
    }

    @Nested
    @DisplayName("PAY-1 prepayment through a Checkout Session")
    class Prepayment {

        @Test
        @DisplayName("PAY-1, PAY-3 a Checkout Session in payment mode, with the booking in its metadata and the core's key; the payment methods are the ones enabled on the Stripe account (cards, and others such as PayPal where enabled)")
        void sendsACheckoutSessionInPaymentMode() {
            CheckoutSession session = platform().startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(),
                    NOW.plus(Duration.ofHours(2))));

            assertThat(session).isInstanceOf(CheckoutSession.Started.class);
            CheckoutSession.Started started = (CheckoutSession.Started) session;
            assertThat(started.reference()).startsWith("cs_test_");
            assertThat(started.redirect()).isEqualTo(URI.create("https://checkout.stripe.com/c/pay/" + started.reference()));
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/checkout/sessions");
            assertThat(sent.param("mode")).isEqualTo("payment");
            assertThat(sent.param("line_items[0][price_data][unit_amount]")).isEqualTo("6000");
            assertThat(sent.param("line_items[0][price_data][currency]")).isEqualTo("eur");
            assertThat(sent.param("line_items[0][quantity]")).isEqualTo("1");
            assertThat(sent.param("client_reference_id")).isEqualTo(BOOKING.toString());
            assertThat(sent.param("metadata[booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(sent.param("metadata[practitioner_id]")).isEqualTo(ANNA.toString());
            assertThat(sent.param("payment_intent_data[metadata][booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(sent.param("customer_email")).isEqualTo("client@example.org");
            assertThat(sent.param("success_url")).isEqualTo("https://rdv.example/paid?session={CHECKOUT_SESSION_ID}");
            assertThat(sent.param("expires_at")).isEqualTo(String.valueOf(NOW.plus(Duration.ofHours(2)).getEpochSecond()));
            assertThat(sent.params()).doesNotContainKey("payment_intent_data[application_fee_amount]");
            assertThat(sent.params()).as("PAY-3: no method list, so the account's enabled methods apply")
                    .doesNotContainKey("payment_method_types[0]");
            assertThat(sent.header("Idempotency-Key")).isEqualTo("rdv:checkout:" + BOOKING);
            assertThat(sent.header("Stripe-Account")).isNull();
            assertThat(started.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(2)));
        }

        @Test
        @DisplayName("BK-3 a hold ending within 30 minutes: the page closes 30 minutes after the hold, Stripe's minimum being 30 minutes")
        void holdShorterThanCheckoutsMinimum() {
            Instant holdExpiry = NOW.plus(Duration.ofMinutes(25));

            CheckoutSession session = platform().startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), holdExpiry));

            assertThat(session).isInstanceOf(CheckoutSession.Started.class);
            assertThat(stripe.last("POST", "/v1/checkout/sessions").param("expires_at"))
                    .isEqualTo(String.valueOf(holdExpiry.plus(Duration.ofMinutes(30)).getEpochSecond()));
        }

        @Test
        @DisplayName("BK-3 asked again later for the same hold, the same page: expires_at depends on the hold, not on the clock")
        void sameHoldSamePageLater() {
            Instant holdExpiry = NOW.plus(Duration.ofMinutes(30));
            StripePaymentGateway gateway = platform();
            CheckoutSession first = gateway.startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), holdExpiry));
            clock.advance(Duration.ofMinutes(12));

            CheckoutSession again = gateway.startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), holdExpiry));

            assertThat(again).isEqualTo(first);
            assertThat(stripe.objects("checkout.session", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("BK-3 when the clock changed the parameters under the same key, the open page is found again")
        void keyReusedWithOtherExpiryFindsTheOpenPage() {
            // A two-hour hold: first asked with its own expiry, then in its last half hour, when +30 min applies.
            Instant holdExpiry = NOW.plus(Duration.ofHours(2));
            StripePaymentGateway gateway = platform();
            CheckoutSession first = gateway.startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), holdExpiry));
            clock.advance(Duration.ofMinutes(100));

            CheckoutSession again = gateway.startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), holdExpiry));

            assertThat(again).isEqualTo(first);
            assertThat(stripe.objects("checkout.session", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("PAY-1 a week-long window for a client charge is cut to Checkout's 24 hours")
        void longWindowCutToADay() {
            platform().startPayment(payment(eur("30.00"), eur("0.00"), Optional.empty(), NOW.plus(Duration.ofDays(7))));

            long expiresAt = Long.parseLong(stripe.last("POST", "/v1/checkout/sessions").param("expires_at"));
            assertThat(Instant.ofEpochSecond(expiresAt)).isEqualTo(NOW.plus(Duration.ofHours(24)).minus(Duration.ofMinutes(1)));
        }

        @Test
        @DisplayName("FEE-3 DIRECT_CONNECT: a direct charge on the connected account with the application fee (20.00 → 0.65)")
        void directChargeWithApplicationFee() {
            CheckoutSession session = direct().startPayment(payment(eur("20.00"), eur("0.65"), Optional.of(ACCOUNT),
                    NOW.plus(Duration.ofHours(1))));

            assertThat(session).isInstanceOf(CheckoutSession.Started.class);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/checkout/sessions");
            assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(sent.param("payment_intent_data[application_fee_amount]")).isEqualTo("65");
            assertThat(sent.param("line_items[0][price_data][unit_amount]")).isEqualTo("2000");
            assertThat(stripe.objects("checkout.session", ACCOUNT)).hasSize(1);
        }

        @Test
        @DisplayName("PAY-1 DIRECT_CONNECT without a connected account: refused, nothing sent")
        void directWithoutAccountIsRefused() {
            CheckoutSession session = direct().startPayment(payment(eur("20.00"), eur("0.65"), Optional.empty(),
                    NOW.plus(Duration.ofHours(1))));

            assertThat(session).isInstanceOf(CheckoutSession.Refused.class);
            assertThat(stripe.requests()).isEmpty();
        }

        @Test
        @DisplayName("PLATFORM_COLLECTS: no application fee and no connected account, whatever the request says")
        void platformIgnoresFeeAndAccount() {
            platform().startPayment(payment(eur("60.00"), eur("3.00"), Optional.of(ACCOUNT), NOW.plus(Duration.ofHours(1))));

            FakeStripe.Recorded sent = stripe.last("POST", "/v1/checkout/sessions");
            assertThat(sent.header("Stripe-Account")).isNull();
            assertThat(sent.params()).doesNotContainKey("payment_intent_data[application_fee_amount]");
        }

        @Test
        @DisplayName("Stripe down (500) → unreachable; a request Stripe refuses (400) → refused")
        void failuresOpeningThePage() {
            stripe.failNext("POST", "/v1/checkout/sessions", 500, "api_error", null);
            assertThat(platform().startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), NOW.plus(Duration.ofHours(1)))))
                    .isInstanceOf(CheckoutSession.Unreachable.class);

            stripe.failNext("POST", "/v1/checkout/sessions", 400, "invalid_request_error", "account_invalid");
            assertThat(platform().startPayment(payment(eur("60.00"), eur("0.00"), Optional.empty(), NOW.plus(Duration.ofHours(1)))))
                    .isInstanceOf(CheckoutSession.Refused.class);
        }
    }

    @Nested
    @DisplayName("PAY-2 card guarantee: a Customer and a Checkout Session in setup mode")
    class Guarantee {

        GuaranteeRequest request(Optional<String> account) {
            return new GuaranteeRequest(BOOKING, ANNA, account, CLIENT, "Osteopathy", NOW.plus(Duration.ofMinutes(30)),
                    new ProviderKey("rdv:guarantee:" + BOOKING));
        }

        @Test
        @DisplayName("PAY-2 a customer for the booking, then a setup session on it; nothing is charged")
        void customerThenSetupSession() {
            CheckoutSession session = platform().startGuarantee(request(Optional.empty()));

            assertThat(session).isInstanceOf(CheckoutSession.Started.class);
            FakeStripe.Recorded customer = stripe.last("POST", "/v1/customers");
            assertThat(customer.param("email")).isEqualTo("client@example.org");
            assertThat(customer.param("metadata[booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(customer.header("Idempotency-Key")).isEqualTo("rdv:guarantee:" + BOOKING + ":customer");
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/checkout/sessions");
            assertThat(sent.param("mode")).isEqualTo("setup");
            assertThat(sent.param("customer")).startsWith("cus_test_");
            assertThat(sent.param("setup_intent_data[metadata][booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(sent.param("payment_method_types[0]")).isEqualTo("card");
            assertThat(sent.params()).doesNotContainKeys("line_items[0][price_data][unit_amount]");
            assertThat(sent.header("Idempotency-Key")).isEqualTo("rdv:guarantee:" + BOOKING);
            assertThat(stripe.objects("payment_intent", FakeStripe.PLATFORM)).isEmpty();
        }

        @Test
        @DisplayName("PAY-2 asked twice, one customer and one page")
        void idempotent() {
            StripePaymentGateway gateway = platform();
            CheckoutSession first = gateway.startGuarantee(request(Optional.empty()));
            CheckoutSession again = gateway.startGuarantee(request(Optional.empty()));

            assertThat(again).isEqualTo(first);
            assertThat(stripe.objects("customer", FakeStripe.PLATFORM)).hasSize(1);
            assertThat(stripe.objects("checkout.session", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("BK-3 once the client saved the card, check says GuaranteeSaved with the SetupIntent")
        void savedCardIsFoundByCheck() {
            StripePaymentGateway gateway = platform();
            CheckoutSession.Started started = (CheckoutSession.Started) gateway.startGuarantee(request(Optional.empty()));
            String setupIntent = stripe.complete(started.reference()).get("setup_intent").getAsString();

            assertThat(gateway.check(BOOKING)).isEqualTo(new PaymentCheck.GuaranteeSaved(setupIntent));
        }

        @Test
        @DisplayName("PAY-2 DIRECT_CONNECT: customer and page on the connected account")
        void onTheConnectedAccount() {
            direct().startGuarantee(request(Optional.of(ACCOUNT)));

            assertThat(stripe.last("POST", "/v1/customers").header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(stripe.last("POST", "/v1/checkout/sessions").header("Stripe-Account")).isEqualTo(ACCOUNT);
        }
    }

    @Nested
    @DisplayName("PAY-2 CX-3 CX-4 off-session charge of the saved card")
    class OffSessionCharge {

        @Test
        @DisplayName("CX-4 a confirmed, off-session PaymentIntent on the saved card and customer, under the core's key")
        void chargesOffSession() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);

            ChargeResult result = platform().charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(result).isInstanceOf(ChargeResult.Charged.class);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/payment_intents");
            assertThat(sent.param("amount")).isEqualTo("3000");
            assertThat(sent.param("currency")).isEqualTo("eur");
            assertThat(sent.param("off_session")).isEqualTo("true");
            assertThat(sent.param("confirm")).isEqualTo("true");
            assertThat(sent.param("payment_method")).isEqualTo(FakeStripe.CARD_OK);
            assertThat(sent.param("customer")).isEqualTo(stripe.object(guarantee).get("customer").getAsString());
            assertThat(sent.param("metadata[booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(sent.params()).doesNotContainKey("application_fee_amount");
            assertThat(sent.header("Idempotency-Key")).isEqualTo("rdv:charge:" + BOOKING + ":NO_SHOW:v3");
            assertThat(((ChargeResult.Charged) result).reference())
                    .isEqualTo(stripe.succeededPayments(FakeStripe.PLATFORM).get(0).get("id").getAsString());
        }

        @Test
        @DisplayName("FEE-3 CX-4 DIRECT_CONNECT: charged on the connected account with the application fee")
        void directCharge() {
            String guarantee = stripe.savedCard(ACCOUNT, BOOKING, FakeStripe.CARD_OK);

            ChargeResult result = direct().charge(charge(guarantee, eur("20.00"), eur("0.65"), Optional.of(ACCOUNT)));

            assertThat(result).isInstanceOf(ChargeResult.Charged.class);
            assertThat(stripe.last("GET", "/v1/setup_intents/" + guarantee).header("Stripe-Account")).isEqualTo(ACCOUNT);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/payment_intents");
            assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(sent.param("application_fee_amount")).isEqualTo("65");
            assertThat(stripe.succeededPayments(ACCOUNT)).hasSize(1);
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).isEmpty();
        }

        @Test
        @DisplayName("PAY-2 a declined card (402 card_declined) → Declined; asked again with the key, the same answer and no charge")
        void declined() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_DECLINED);
            StripePaymentGateway gateway = platform();

            ChargeResult first = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));
            ChargeResult again = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(first).isInstanceOf(ChargeResult.Declined.class);
            assertThat(((ChargeResult.Declined) first).reason()).contains("card_declined").contains("generic_decline");
            assertThat(again).isInstanceOf(ChargeResult.Declined.class);
            assertThat(((ChargeResult.Declined) again).reason()).contains("card_declined");
            assertThat(stripe.requests("POST", "/v1/payment_intents").get(1).header("Idempotency-Key"))
                    .isEqualTo(stripe.requests("POST", "/v1/payment_intents").get(0).header("Idempotency-Key"));
            assertThat(stripe.objects("payment_intent", FakeStripe.PLATFORM)).hasSize(1);
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).isEmpty();
        }

        @Test
        @DisplayName("PAY-2 authentication_required (402) → NeedsClient with the PaymentIntent, not a failure")
        void authenticationRequired() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_NEEDS_AUTHENTICATION);

            ChargeResult result = platform().charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(result).isInstanceOf(ChargeResult.NeedsClient.class);
            assertThat(((ChargeResult.NeedsClient) result).reference())
                    .isEqualTo(stripe.objects("payment_intent", FakeStripe.PLATFORM).get(0).get("id").getAsString());
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).isEmpty();
        }

        @Test
        @DisplayName("PAY-2 a PaymentIntent left in requires_action → NeedsClient")
        void requiresAction() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_REQUIRES_ACTION);

            assertThat(platform().charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty())))
                    .isInstanceOf(ChargeResult.NeedsClient.class);
        }

        @Test
        @DisplayName("BK-8 rate limited (429) → Unreachable; asked again with the same key → charged once")
        void rateLimited() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);
            stripe.failNext("POST", "/v1/payment_intents", 429, "invalid_request_error", "rate_limit");
            StripePaymentGateway gateway = platform();

            ChargeResult first = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));
            ChargeResult retry = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(first).isInstanceOf(ChargeResult.Unreachable.class);
            assertThat(retry).isInstanceOf(ChargeResult.Charged.class);
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("BK-8 Stripe error (500) → Unreachable; asked again with the same key → charged once")
        void serverError() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);
            stripe.failNext("POST", "/v1/payment_intents", 500, "api_error", null);
            StripePaymentGateway gateway = platform();

            ChargeResult first = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));
            ChargeResult retry = gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(first).isInstanceOf(ChargeResult.Unreachable.class);
            assertThat(retry).isInstanceOf(ChargeResult.Charged.class);
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("BK-8 a timeout after Stripe charged → Unreachable; the retry with the same key gets the same charge, not a second one")
        void timeoutAfterTheMoneyMoved() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);
            StripePaymentGateway impatient = new StripePaymentGateway(StripeTestSettings.against(stripe.base(),
                    CommercialModel.PLATFORM_COLLECTS).withNetwork(0, Duration.ofSeconds(2), Duration.ofMillis(1000)), clock);
            stripe.answerLate("POST", "/v1/payment_intents", Duration.ofMillis(3000));

            ChargeResult first = impatient.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));
            ChargeResult retry = impatient.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(first).isInstanceOf(ChargeResult.Unreachable.class);
            assertThat(retry).isInstanceOf(ChargeResult.Charged.class);
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).hasSize(1);
            assertThat(((ChargeResult.Charged) retry).reference())
                    .isEqualTo(stripe.succeededPayments(FakeStripe.PLATFORM).get(0).get("id").getAsString());
        }

        @Test
        @DisplayName("network retries: the SDK resends a failed request with the same key, and the card is charged once")
        void sdkRetriesWithTheSameKey() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);
            StripePaymentGateway retrying = new StripePaymentGateway(StripeTestSettings.against(stripe.base(),
                    CommercialModel.PLATFORM_COLLECTS).withNetwork(2, Duration.ofSeconds(2), Duration.ofMillis(1000)), clock);
            stripe.answerLate("POST", "/v1/payment_intents", Duration.ofMillis(3000));

            ChargeResult result = retrying.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            assertThat(result).isInstanceOf(ChargeResult.Charged.class);
            assertThat(stripe.requests("POST", "/v1/payment_intents")).hasSizeGreaterThanOrEqualTo(2)
                    .extracting(r -> r.header("Idempotency-Key")).containsOnly("rdv:charge:" + BOOKING + ":NO_SHOW:v3");
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("connection refused → Unreachable")
        void connectionRefused() throws IOException {
            assertThat(closedPortGateway().charge(charge("seti_x", eur("30.00"), eur("0.00"), Optional.empty())))
                    .isInstanceOf(ChargeResult.Unreachable.class);
        }

        @Test
        @DisplayName("BK-8 the same key with another amount (a bug) → a final refusal naming the key, never a second charge")
        void keyReusedWithOtherParameters() {
            String guarantee = stripe.savedCard(FakeStripe.PLATFORM, BOOKING, FakeStripe.CARD_OK);
            StripePaymentGateway gateway = platform();
            gateway.charge(charge(guarantee, eur("30.00"), eur("0.00"), Optional.empty()));

            ChargeResult other = gateway.charge(charge(guarantee, eur("31.00"), eur("0.00"), Optional.empty()));

            assertThat(other).isInstanceOf(ChargeResult.Declined.class);
            assertThat(((ChargeResult.Declined) other).reason()).contains("idempotency");
            assertThat(stripe.succeededPayments(FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("PAY-2 a guarantee Stripe does not know → Declined")
        void unknownGuarantee() {
            assertThat(platform().charge(charge("seti_unknown", eur("30.00"), eur("0.00"), Optional.empty())))
                    .isInstanceOf(ChargeResult.Declined.class);
            assertThat(stripe.requests("POST", "/v1/payment_intents")).isEmpty();
        }
    }

    @Nested
    @DisplayName("PAY-4 refunds")
    class Refunds {

        RefundRequest refund(String payment, Money amount, Optional<String> account, String key) {
            return new RefundRequest(BOOKING, ANNA, payment, amount, account, "CANCELLED_BY_CLIENT", new ProviderKey(key));
        }

        @Test
        @DisplayName("PAY-4 a partial refund of the PaymentIntent, under the core's key, with the booking in its metadata")
        void partialRefund() {
            String payment = stripe.succeededPayment(FakeStripe.PLATFORM, BOOKING, 6000, "eur");

            RefundResult result = platform().refund(refund(payment, eur("30.00"), Optional.empty(), "rdv:refund:1"));

            assertThat(result).isInstanceOf(RefundResult.Refunded.class);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/refunds");
            assertThat(sent.param("payment_intent")).isEqualTo(payment);
            assertThat(sent.param("amount")).isEqualTo("3000");
            assertThat(sent.param("metadata[booking_id]")).isEqualTo(BOOKING.toString());
            assertThat(sent.params()).doesNotContainKey("refund_application_fee");
            assertThat(sent.header("Idempotency-Key")).isEqualTo("rdv:refund:1");
            assertThat(sent.header("Stripe-Account")).isNull();
        }

        @Test
        @DisplayName("PAY-4 DIRECT_CONNECT: refunded on the connected account, the application fee kept")
        void directRefundKeepsTheFee() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 2000, "eur");

            RefundResult result = direct().refund(refund(payment, eur("20.00"), Optional.of(ACCOUNT), "rdv:refund:1"));

            assertThat(result).isInstanceOf(RefundResult.Refunded.class);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/refunds");
            assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(sent.param("refund_application_fee")).isEqualTo("false");
        }

        RefundRequest reversal(String payment, Money amount, Money fee) {
            return new RefundRequest(BOOKING, ANNA, payment, amount, Optional.of(ACCOUNT), "CANCELLED_BY_CLIENT reversed",
                    new ProviderKey("rdv:refund:reversal:1"), Optional.of(fee));
        }

        @Test
        @DisplayName("CX-4 FEE-4 DIRECT_CONNECT: after a partial refund (fee kept, PAY-4) a reversal refunds the rest without "
                + "touching the fee and gives back exactly the fee asked, by an application fee refund on the platform, once")
        void reversalAfterPartialRefundReturnsTheExactFee() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 6000, "eur", 145);
            String fee = stripe.object(stripe.object(payment).get("latest_charge").getAsString()).get("application_fee").getAsString();
            StripePaymentGateway gateway = direct();
            assertThat(gateway.refund(refund(payment, eur("59.40"), Optional.of(ACCOUNT), "rdv:refund:late:1")))
                    .isInstanceOf(RefundResult.Refunded.class);
            assertThat(stripe.object(fee).get("amount_refunded").getAsLong()).as("an ordinary refund keeps the fee").isZero();

            RefundResult result = gateway.refund(reversal(payment, eur("0.60"), eur("1.45")));
            RefundResult retry = gateway.refund(reversal(payment, eur("0.60"), eur("1.45")));

            assertThat(result).isInstanceOf(RefundResult.Refunded.class);
            assertThat(retry).isEqualTo(result);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/refunds");
            assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(sent.param("amount")).isEqualTo("60");
            assertThat(sent.param("refund_application_fee")).isEqualTo("false");
            FakeStripe.Recorded feeBack = stripe.last("POST", "/v1/application_fees/" + fee + "/refunds");
            assertThat(feeBack.param("amount")).isEqualTo("145");
            assertThat(feeBack.header("Stripe-Account")).as("application fees are the platform's").isNull();
            assertThat(feeBack.header("Idempotency-Key")).isEqualTo("rdv:refund:reversal:1:fee");
            assertThat(stripe.object(fee).get("amount_refunded").getAsLong()).as("the whole fee, once").isEqualTo(145);
            assertThat(stripe.objects("fee_refund", FakeStripe.PLATFORM)).hasSize(1);
            assertThat(stripe.objects("refund", ACCOUNT)).extracting(r -> r.get("amount").getAsLong()).containsExactly(5940L, 60L);
        }

        @Test
        @DisplayName("CX-4 DIRECT_CONNECT: a guarantee charge reversed in full gives its application fee back exactly once")
        void fullReversalOfAChargeReturnsTheFeeOnce() {
            String guarantee = stripe.savedCard(ACCOUNT, BOOKING, FakeStripe.CARD_OK);
            StripePaymentGateway gateway = direct();
            String charged = ((ChargeResult.Charged) gateway.charge(charge(guarantee, eur("20.00"), eur("0.65"),
                    Optional.of(ACCOUNT)))).reference();

            assertThat(gateway.refund(reversal(charged, eur("20.00"), eur("0.65")))).isInstanceOf(RefundResult.Refunded.class);

            String fee = stripe.object(stripe.object(charged).get("latest_charge").getAsString()).get("application_fee").getAsString();
            assertThat(stripe.object(fee).get("amount_refunded").getAsLong()).isEqualTo(65);
            assertThat(stripe.object(fee).get("refunded").getAsBoolean()).isTrue();
            assertThat(stripe.last("POST", "/v1/refunds").param("refund_application_fee")).isEqualTo("false");
        }

        @Test
        @DisplayName("CX-4 BK-8 the fee refund unreachable (500) → Unreachable and no refund yet; asked again → both done once")
        void feeRefundUnreachable() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 6000, "eur", 145);
            String fee = stripe.object(stripe.object(payment).get("latest_charge").getAsString()).get("application_fee").getAsString();
            stripe.failNext("POST", "/v1/application_fees/", 500, "api_error", null);
            StripePaymentGateway gateway = direct();

            RefundResult first = gateway.refund(reversal(payment, eur("60.00"), eur("1.45")));
            assertThat(first).isInstanceOf(RefundResult.Unreachable.class);
            assertThat(stripe.requests("POST", "/v1/refunds")).isEmpty();

            assertThat(gateway.refund(reversal(payment, eur("60.00"), eur("1.45")))).isInstanceOf(RefundResult.Refunded.class);
            assertThat(gateway.refund(reversal(payment, eur("60.00"), eur("1.45")))).isInstanceOf(RefundResult.Refunded.class);
            assertThat(stripe.object(fee).get("amount_refunded").getAsLong()).isEqualTo(145);
            assertThat(stripe.objects("refund", ACCOUNT)).hasSize(1);
        }

        @Test
        @DisplayName("CX-4 a fee refund above the fee left is refused, and then the client's refund is not sent")
        void feeRefundAboveTheFeeIsRefused() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 6000, "eur", 145);

            assertThat(direct().refund(reversal(payment, eur("60.00"), eur("1.46")))).isInstanceOf(RefundResult.Refused.class);
            assertThat(stripe.requests("POST", "/v1/refunds")).isEmpty();
        }

        @Test
        @DisplayName("CX-4 a payment that took no application fee cannot give one back: refused")
        void noFeeToReturn() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 6000, "eur");

            assertThat(direct().refund(reversal(payment, eur("60.00"), eur("1.45")))).isInstanceOf(RefundResult.Refused.class);
            assertThat(stripe.requests("POST", "/v1/refunds")).isEmpty();
        }

        @Test
        @DisplayName("PAY-4 a charge reference is refunded as a charge")
        void chargeReference() {
            String payment = stripe.succeededPayment(FakeStripe.PLATFORM, BOOKING, 6000, "eur");
            String charge = stripe.object(payment).get("latest_charge").getAsString();

            assertThat(platform().refund(refund(charge, eur("60.00"), Optional.empty(), "rdv:refund:1")))
                    .isInstanceOf(RefundResult.Refunded.class);
            assertThat(stripe.last("POST", "/v1/refunds").param("charge")).isEqualTo(charge);
        }

        @Test
        @DisplayName("PAY-4 BK-8 a 500 → Unreachable; asked again with the same key → refunded once")
        void retriedRefundIsRefundedOnce() {
            String payment = stripe.succeededPayment(FakeStripe.PLATFORM, BOOKING, 6000, "eur");
            stripe.failNext("POST", "/v1/refunds", 500, "api_error", null);
            StripePaymentGateway gateway = platform();

            RefundResult first = gateway.refund(refund(payment, eur("60.00"), Optional.empty(), "rdv:refund:1"));
            RefundResult retry = gateway.refund(refund(payment, eur("60.00"), Optional.empty(), "rdv:refund:1"));
            RefundResult replay = gateway.refund(refund(payment, eur("60.00"), Optional.empty(), "rdv:refund:1"));

            assertThat(first).isInstanceOf(RefundResult.Unreachable.class);
            assertThat(retry).isInstanceOf(RefundResult.Refunded.class);
            assertThat(replay).isEqualTo(retry);
            assertThat(stripe.objects("refund", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("PAY-4 more than what is left → Refused by Stripe")
        void aboveWhatWasPaid() {
            String payment = stripe.succeededPayment(FakeStripe.PLATFORM, BOOKING, 6000, "eur");

            RefundResult result = platform().refund(refund(payment, eur("60.01"), Optional.empty(), "rdv:refund:1"));

            assertThat(result).isInstanceOf(RefundResult.Refused.class);
            assertThat(stripe.objects("refund", FakeStripe.PLATFORM)).isEmpty();
        }

        @Test
        @DisplayName("PAY-4 a timeout → Unreachable, never Refused")
        void timeout() throws IOException {
            assertThat(closedPortGateway().refund(refund("pi_x", eur("60.00"), Optional.empty(), "rdv:refund:1")))
                    .isInstanceOf(RefundResult.Unreachable.class);
        }
    }

    @Nested
    @DisplayName("BK-3 check and abandon")
    class CheckAndAbandon {

        @Test
        @DisplayName("BK-3 check searches PaymentIntents by the booking's metadata, then saved cards")
        void checkSearchesByMetadata() {
            assertThat(platform().check(BOOKING)).isEqualTo(new PaymentCheck.NothingReceived());

            FakeStripe.Recorded search = stripe.last("GET", "/v1/payment_intents/search");
            assertThat(search.param("query")).isEqualTo("metadata['booking_id']:'" + BOOKING + "' AND status:'succeeded'");
            assertThat(stripe.last("GET", "/v1/customers/search").param("query"))
                    .isEqualTo("metadata['booking_id']:'" + BOOKING + "'");
        }

        @Test
        @DisplayName("BK-3 a payment made after all is found, with its amount and PaymentIntent")
        void paidAfterAll() {
            String payment = stripe.succeededPayment(FakeStripe.PLATFORM, BOOKING, 6000, "eur");

            assertThat(platform().check(BOOKING)).isEqualTo(new PaymentCheck.Paid(eur("60.00"), payment));
            assertThat(platform().check(OTHER_BOOKING)).isEqualTo(new PaymentCheck.NothingReceived());
        }

        @Test
        @DisplayName("BK-3 DIRECT_CONNECT: asked on the booking's connected account")
        void directCheckOnTheAccount() {
            String payment = stripe.succeededPayment(ACCOUNT, BOOKING, 2000, "eur");

            assertThat(direct().check(BOOKING)).isEqualTo(new PaymentCheck.Paid(eur("20.00"), payment));
            assertThat(stripe.last("GET", "/v1/payment_intents/search").header("Stripe-Account")).isEqualTo(ACCOUNT);
        }

        @Test
        @DisplayName("BK-3 Stripe unreachable (500, closed port) → Unreachable: the hold is kept")
        void checkUnreachable() throws IOException {
            stripe.failNext("GET", "/v1/payment_intents/search", 500, "api_error", null);
            assertThat(platform().check(BOOKING)).isInstanceOf(PaymentCheck.Unreachable.class);
            assertThat(closedPortGateway().check(BOOKING)).isInstanceOf(PaymentCheck.Unreachable.class);
        }

        @Test
        @DisplayName("BK-3 abandon expires the booking's open pages only")
        void abandonExpiresTheBookingsPages() {
            StripePaymentGateway gateway = platform();
            CheckoutSession.Started mine = (CheckoutSession.Started) gateway.startPayment(
                    payment(eur("60.00"), eur("0.00"), Optional.empty(), NOW.plus(Duration.ofHours(1))));
            CheckoutSession.Started other = (CheckoutSession.Started) gateway.startPayment(new PaymentRequest(OTHER_BOOKING,
                    ANNA, eur("60.00"), eur("0.00"), Optional.empty(), CLIENT, "Other", NOW.plus(Duration.ofHours(1)),
                    new ProviderKey("rdv:checkout:" + OTHER_BOOKING)));

            gateway.abandon(BOOKING);

            assertThat(stripe.object(mine.reference()).get("status").getAsString()).isEqualTo("expired");
            assertThat(stripe.object(other.reference()).get("status").getAsString()).isEqualTo("open");
            assertThat(stripe.last("POST", "/v1/checkout/sessions/" + mine.reference() + "/expire").header("Idempotency-Key"))
                    .isEqualTo("rdv:expire:" + mine.reference());
        }

        @Test
        @DisplayName("BK-3 abandon after a restart: found by listing open sessions, on the connected account in DIRECT_CONNECT")
        void abandonAfterRestartOnTheConnectedAccount() {
            CheckoutSession.Started page = (CheckoutSession.Started) direct().startPayment(
                    payment(eur("20.00"), eur("0.65"), Optional.of(ACCOUNT), NOW.plus(Duration.ofHours(1))));

            direct().abandon(BOOKING); // another instance: nothing in memory

            assertThat(stripe.object(page.reference()).get("status").getAsString()).isEqualTo("expired");
            FakeStripe.Recorded listed = stripe.last("GET", "/v1/checkout/sessions");
            assertThat(listed.header("Stripe-Account")).isEqualTo(ACCOUNT);
            assertThat(listed.param("status")).isEqualTo("open");
        }

        @Test
        @DisplayName("BK-3 abandon is best effort: Stripe down changes nothing and throws nothing")
        void abandonNeverThrows() throws IOException {
            stripe.failNext("GET", "/v1/checkout/sessions", 500, "api_error", null);
            platform().abandon(BOOKING);
            closedPortGateway().abandon(BOOKING);
        }
    }

    @Nested
    @DisplayName("PO-1 PO-2 PO-3 payouts as Stripe transfers (PLATFORM_COLLECTS)")
    class Payouts {

        final PayoutId payoutId = PayoutId.of("00000000-0000-0000-0000-0000000000f1");

        PayoutOrder order(PayoutDestination destination) {
            return new PayoutOrder(payoutId, ANNA, eur("570.00"), destination, payoutId.toString(), "Payout 2030-03-15");
        }

        @Test
        @DisplayName("PO-1 one transfer to the connected account, grouped by payout, under the payout's key")
        void transfer() {
            PayoutResult result = platform().pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true)));

            assertThat(result).isInstanceOf(PayoutResult.Sent.class);
            FakeStripe.Recorded sent = stripe.last("POST", "/v1/transfers");
            assertThat(sent.param("amount")).isEqualTo("57000");
            assertThat(sent.param("currency")).isEqualTo("eur");
            assertThat(sent.param("destination")).isEqualTo(ACCOUNT);
            assertThat(sent.param("transfer_group")).isEqualTo("payout_" + payoutId);
            assertThat(sent.param("metadata[payout_id]")).isEqualTo(payoutId.toString());
            assertThat(sent.header("Idempotency-Key")).isEqualTo(payoutId.toString());
            assertThat(sent.header("Stripe-Account")).isNull();
        }

        @Test
        @DisplayName("PO-2 sent again after a lost answer: the same transfer, once")
        void oncePerPayout() {
            StripePaymentGateway gateway = platform();
            stripe.failNext("POST", "/v1/transfers", 503, "api_error", null);

            PayoutResult lost = gateway.pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true)));
            PayoutResult first = gateway.pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true)));
            PayoutResult again = gateway.pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true)));

            assertThat(lost).isInstanceOf(PayoutResult.Unreachable.class);
            assertThat(again).isEqualTo(first).isInstanceOf(PayoutResult.Sent.class);
            assertThat(stripe.objects("transfer", FakeStripe.PLATFORM)).hasSize(1);
        }

        @Test
        @DisplayName("PO-4 bank details only: refused with the reason, nothing sent")
        void bankAccountCannotBePaidByTransfer() {
            PayoutResult result = platform().pay(order(new PayoutDestination.BankAccount(
                    BankDetails.of("Anna Martin", "FR76 3000 6000 0112 3456 7890 189"))));

            assertThat(result).isInstanceOf(PayoutResult.Refused.class);
            assertThat(((PayoutResult.Refused) result).reason()).contains("connected account");
            assertThat(stripe.requests()).isEmpty();
        }

        @Test
        @DisplayName("PO-4 a connected account that cannot receive transfers: refused")
        void accountNotReady() {
            assertThat(platform().pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, false))))
                    .isInstanceOf(PayoutResult.Refused.class);
            assertThat(platform().pay(order(new PayoutDestination.ProviderAccount("acct_without_transfers", true))))
                    .isInstanceOf(PayoutResult.Refused.class);
        }

        @Test
        @DisplayName("PO-2 the platform's balance is short: asked again later (Unreachable), not refused")
        void balanceInsufficientIsRetried() {
            stripe.failNext("POST", "/v1/transfers", 400, "invalid_request_error", "balance_insufficient");

            assertThat(platform().pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true))))
                    .isInstanceOf(PayoutResult.Unreachable.class);
        }

        @Test
        @DisplayName("DIRECT_CONNECT: Stripe pays practitioners, the platform sends nothing")
        void noPayoutsInDirectConnect() {
            assertThat(direct().pay(order(new PayoutDestination.ProviderAccount(ACCOUNT, true))))
                    .isInstanceOf(PayoutResult.Refused.class);
            assertThat(stripe.requests()).isEmpty();
        }
    }

    @Test
    @DisplayName("BK-8 a key derived for a second object stays within Stripe's 255 characters and never changes")
    void derivedKeys() {
        ProviderKey longKey = new ProviderKey("k".repeat(250));

        assertThat(StripePaymentGateway.derivedKey(new ProviderKey("rdv:guarantee:b1"), "customer")).isEqualTo("rdv:guarantee:b1:customer");
        assertThat(StripePaymentGateway.derivedKey(longKey, "customer")).hasSizeLessThanOrEqualTo(255)
                .isEqualTo(StripePaymentGateway.derivedKey(longKey, "customer"));
    }

    StripePaymentGateway closedPortGateway() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return new StripePaymentGateway(StripeTestSettings.against(URI.create("http://127.0.0.1:" + port),
                CommercialModel.PLATFORM_COLLECTS), clock);
    }

    /** A clock the test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
