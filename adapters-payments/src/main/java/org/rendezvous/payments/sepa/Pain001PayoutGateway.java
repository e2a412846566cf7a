package org.rendezvous.payments.sepa;

import org.rendezvous.core.payout.PayoutDestination;
import org.rendezvous.core.payout.PayoutOrder;
import org.rendezvous.core.payout.PayoutResult;
import org.rendezvous.core.port.PayoutGateway;

/**
 * The payout gateway of an operator who pays by bank file: every payout in euros to bank details goes into the
 * cycle's batch ({@link PayoutResult.ToBankFile}); the operator downloads the batch as a SEPA credit-transfer file
 * ({@link Pain001Files}) and uploads it to their bank. Nothing leaves from here, so nothing can fail halfway.
 */
public final class Pain001PayoutGateway implements PayoutGateway {

    @Override
    public PayoutResult pay(PayoutOrder order) {
        if (!(order.destination() instanceof PayoutDestination.BankAccount)) {
            return new PayoutResult.Refused("a SEPA bank file pays bank accounts only, not a provider account");
        }
        if (!order.amount().currency().getCurrencyCode().equals("EUR")) {
            return new PayoutResult.Refused("a SEPA credit transfer is in euros, not " + order.amount().currency());
        }
        return new PayoutResult.ToBankFile();
    }
}
