package org.rendezvous.payments;

import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.policy.CommercialModel;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.contract.PaymentGatewayContract;
import org.rendezvous.core.port.contract.StoreFixtures;

/** The payment port's contract (PAY-1, PAY-2, PAY-4, BK-3), met by the Stripe gateway over real HTTP. */
@DisplayName("StripePaymentGateway meets the PaymentGateway contract against a local fake Stripe")
class StripePaymentGatewayContractTest extends PaymentGatewayContract {

    private final Clock clock = Clock.fixed(StoreFixtures.T0, ZoneOffset.UTC);
    private FakeStripe stripe;

    @Override
    protected PaymentGateway newGateway() {
        stripe = new FakeStripe(clock);
        return new StripePaymentGateway(StripeTestSettings.against(stripe.base(), CommercialModel.PLATFORM_COLLECTS), clock);
    }

    @Override
    protected String clientPaid(BookingId booking, Money amount) {
        return stripe.succeededPayment(FakeStripe.PLATFORM, booking, StripeAmounts.amount(amount), StripeAmounts.currency(amount));
    }

    @Override
    protected String cardSaved(BookingId booking) {
        return stripe.savedCard(FakeStripe.PLATFORM, booking, FakeStripe.CARD_OK);
    }

    @Override
    protected PaymentGateway newDirectConnectGateway() {
        return new StripePaymentGateway(StripeTestSettings.against(stripe.base(), CommercialModel.DIRECT_CONNECT), clock);
    }

    @Override
    protected String cardSavedOn(String account, BookingId booking) {
        return stripe.savedCard(account, booking, FakeStripe.CARD_OK);
    }

    @Override
    protected String connectedAccount() {
        return "acct_testAnnaFake";
    }

    @AfterEach
    void stopStripe() {
        stripe.close();
    }
}
