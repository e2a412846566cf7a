package org.rendezvous.core.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rendezvous.core.port.contract.StoreFixtures.eur;
import static org.rendezvous.core.port.contract.StoreFixtures.hours;

import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
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
import org.rendezvous.core.port.PaymentCheck;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * What every {@link PaymentGateway} must do (PAY-1, PAY-2, PAY-4): the sandbox passes it, and so must
 * any provider adapter, against its provider or a local server that speaks the provider's wire format.
 */
public abstract class PaymentGatewayContract {

    protected final StoreFixtures fixtures = new StoreFixtures();
    protected PaymentGateway gateway;
    protected BookingId booking;
    protected PractitionerId anna;

    protected abstract PaymentGateway newGateway();

    /** Makes the provider hold a successful payment of {@code amount} for the booking, as if the client paid; its reference. */
    protected abstract String clientPaid(BookingId booking, Money amount);

    /** Makes the provider hold a card saved for the booking that can be charged off-session; its reference. */
    protected abstract String cardSaved(BookingId booking);

    /** The same provider as {@link #newGateway()}, as a DIRECT_CONNECT platform sees it (charges on connected accounts). */
    protected abstract PaymentGateway newDirectConnectGateway();

    /** Makes the provider hold, on connected account {@code account}, a card saved for the booking; its reference. */
    protected abstract String cardSavedOn(String account, BookingId booking);

    /** A connected account the provider knows. */
    protected abstract String connectedAccount();

    @BeforeEach
    void freshGateway() {
        gateway = newGateway();
        booking = fixtures.bookingId();
        anna = fixtures.practitionerId();
    }

    private PaymentRequest paymentRequest(String key) {
        return new PaymentRequest(booking, anna, eur("60.00"), eur("0.00"), Optional.empty(),
                EmailAddress.of("client@example.org"), "Shiatsu", hours(1), new ProviderKey(key));
    }

    @Test
    @DisplayName("PAY-1 a payment page is opened; asked again with the same key, it is the same page")
    void paymentPageIsIdempotent() {
        CheckoutSession first = gateway.startPayment(paymentRequest("rdv:checkout:" + booking));
        CheckoutSession again = gateway.startPayment(paymentRequest("rdv:checkout:" + booking));

        assertThat(first).isInstanceOf(CheckoutSession.Started.class);
        assertThat(((CheckoutSession.Started) first).redirect()).isNotNull();
        assertThat(again).isInstanceOf(CheckoutSession.Started.class);
        assertThat(((CheckoutSession.Started) again).reference()).isEqualTo(((CheckoutSession.Started) first).reference());
    }

    @Test
    @DisplayName("PAY-2 a card page is opened for a guarantee")
    void guaranteePage() {
        CheckoutSession session = gateway.startGuarantee(new GuaranteeRequest(booking, anna, Optional.empty(),
                EmailAddress.of("client@example.org"), "Shiatsu", hours(1), new ProviderKey("rdv:guarantee:" + booking)));

        assertThat(session).isInstanceOf(CheckoutSession.Started.class);
    }

    @Test
    @DisplayName("BK-3 the provider says whether a booking was paid")
    void checkTellsWhatWasReceived() {
        assertThat(gateway.check(booking)).isInstanceOf(PaymentCheck.NothingReceived.class);
        String reference = clientPaid(booking, eur("60.00"));

        assertThat(gateway.check(booking)).isEqualTo(new PaymentCheck.Paid(eur("60.00"), reference));
    }

    @Test
    @DisplayName("PAY-2 a saved card is charged off-session once per key, however often it is asked")
    void chargeOncePerKey() {
        String card = cardSaved(booking);
        ChargeRequest request = new ChargeRequest(booking, anna, card, eur("30.00"), eur("0.00"), Optional.empty(),
                "No-show", new ProviderKey("rdv:charge:" + booking));

        ChargeResult first = gateway.charge(request);
        ChargeResult again = gateway.charge(request);

        assertThat(first).isInstanceOf(ChargeResult.Charged.class);
        assertThat(again).isInstanceOf(ChargeResult.Charged.class);
        assertThat(((ChargeResult.Charged) again).reference()).isEqualTo(((ChargeResult.Charged) first).reference());
    }

    @Test
    @DisplayName("PAY-4 refunds are partial or full, once per key, never above what was paid")
    void refundsNeverPassWhatWasPaid() {
        String payment = clientPaid(booking, eur("60.00"));
        RefundRequest firstHalf = new RefundRequest(booking, anna, payment, eur("30.00"), Optional.empty(), "late",
                new ProviderKey("rdv:refund:1:" + booking));

        RefundResult first = gateway.refund(firstHalf);
        RefundResult replay = gateway.refund(firstHalf);
        RefundResult tooMuch = gateway.refund(new RefundRequest(booking, anna, payment, eur("30.01"), Optional.empty(),
                "late", new ProviderKey("rdv:refund:2:" + booking)));
        RefundResult rest = gateway.refund(new RefundRequest(booking, anna, payment, eur("30.00"), Optional.empty(),
                "late", new ProviderKey("rdv:refund:3:" + booking)));

        assertThat(first).isInstanceOf(RefundResult.Refunded.class);
        assertThat(replay).isEqualTo(first);
        assertThat(tooMuch).isInstanceOf(RefundResult.Refused.class);
        assertThat(rest).isInstanceOf(RefundResult.Refunded.class);
    }

    @Test
    @DisplayName("CX-4 PAY-4 DIRECT_CONNECT: an ordinary refund keeps the application fee; a reversal gives back exactly the fee "
            + "asked, once per key; a fee above what is left is refused")
    void applicationFeeGoesBackExactlyOnce() {
        PaymentGateway direct = newDirectConnectGateway();
        String account = connectedAccount();
        String card = cardSavedOn(account, booking);
        String payment = ((ChargeResult.Charged) direct.charge(new ChargeRequest(booking, anna, card, eur("60.00"),
                eur("1.45"), Optional.of(account), "Late cancellation", new ProviderKey("rdv:charge:" + booking)))).reference();
        RefundResult ordinary = direct.refund(new RefundRequest(booking, anna, payment, eur("59.40"), Optional.of(account),
                "late", new ProviderKey("rdv:refund:late:" + booking)));
        RefundRequest reversal = new RefundRequest(booking, anna, payment, eur("0.30"), Optional.of(account), "reversed",
                new ProviderKey("rdv:refund:reversal:" + booking), Optional.of(eur("1.45")));

        RefundResult reversed = direct.refund(reversal);
        RefundResult replay = direct.refund(reversal);
        RefundResult feeAgain = direct.refund(new RefundRequest(booking, anna, payment, eur("0.30"), Optional.of(account),
                "reversed", new ProviderKey("rdv:refund:reversal:2:" + booking), Optional.of(eur("0.01"))));

        assertThat(ordinary).isInstanceOf(RefundResult.Refunded.class);
        assertThat(reversed).isInstanceOf(RefundResult.Refunded.class);
        assertThat(replay).isEqualTo(reversed);
        assertThat(feeAgain).as("nothing of the fee is left").isInstanceOf(RefundResult.Refused.class);
    }

    @Test
    @DisplayName("BK-3 abandoning an expired hold's page is safe, also when nothing was opened")
    void abandonIsSafe() {
        gateway.startPayment(paymentRequest("rdv:checkout:" + booking));
        gateway.abandon(booking);
        gateway.abandon(fixtures.bookingId());
    }
}
