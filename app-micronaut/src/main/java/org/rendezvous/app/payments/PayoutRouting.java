package org.rendezvous.app.payments;

import org.rendezvous.app.wiring.BankFileSettings;
import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.port.PayoutGateway;
import org.rendezvous.payments.sepa.Pain001PayoutGateway;

/**
 * How the host pays each destination when the operator pays bank details by bank file: bank details go into the
 * cycle's SEPA batch ({@link Pain001PayoutGateway}), provider accounts (Stripe connected accounts) are paid by the
 * payment provider's transfer. Without the bank-file settings the provider's gateway is used alone, as before.
 */
public final class PayoutRouting implements PayoutGateway {

    private final PayoutGateway bankFile;
    private final PayoutGateway provider;

    PayoutRouting(PayoutGateway bankFile, PayoutGateway provider) {
        this.bankFile = bankFile;
        this.provider = provider;
    }

    /** The provider's gateway, or the routing one when a bank file is configured. */
    public static PayoutGateway withBankFile(PayoutGateway provider, BankFileSettings settings) {
        return settings.debtor().isPresent() ? new PayoutRouting(new Pain001PayoutGateway(), provider) : provider;
    }

    @Override
    public PayoutResult pay(PayoutOrder order) {
        return order.destination() instanceof PayoutDestination.BankAccount ? bankFile.pay(order) : provider.pay(order);
    }
}
