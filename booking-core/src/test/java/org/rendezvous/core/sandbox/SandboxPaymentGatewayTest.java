package org.rendezvous.core.sandbox;

import java.util.UUID;
import org.rendezvous.core.booking.BookingId;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.port.PaymentGateway;
import org.rendezvous.core.port.contract.PaymentGatewayContract;

/** The sandbox passes the payment gateway contract, as every provider adapter must. */
class SandboxPaymentGatewayTest extends PaymentGatewayContract {

    private SandboxPaymentGateway sandbox;

    @Override
    protected PaymentGateway newGateway() {
        sandbox = new SandboxPaymentGateway();
        return sandbox;
    }

    @Override
    protected String clientPaid(BookingId booking, Money amount) {
        String reference = "sbx_pay_" + UUID.randomUUID();
        sandbox.receive(booking, amount, reference);
        return reference;
    }

    @Override
    protected PaymentGateway newDirectConnectGateway() {
        return sandbox;
    }

    @Override
    protected String cardSavedOn(String account, BookingId booking) {
        return cardSaved(booking);
    }

    @Override
    protected String connectedAccount() {
        return "acct_sandbox_anna";
    }

    @Override
    protected String cardSaved(BookingId booking) {
        String reference = "sbx_pm_" + UUID.randomUUID();
        sandbox.saveGuarantee(booking, reference);
        return reference;
    }
}
