package org.rendezvous.core.policy;

import org.rendezvous.core.agenda.ConsultationMode;
import org.rendezvous.core.agenda.OnlinePayment;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.money.Percent;

/** Decides how a booking will be paid (PAY-1, PAY-2, PAY-7). */
public final class PaymentTerms {

    private PaymentTerms() {
    }

    /**
     * @param clientChoosesToPay for an optional online payment (DIRECT_CONNECT), whether the client chose to pay now
     */
    public static PaymentArrangement decide(CommercialModel model, ConsultationMode mode, Money price,
                                            OnlinePayment onlinePayment, Percent noShowPercentage,
                                            boolean clientChoosesToPay) {
        if (price.isZero()) {
            return PaymentArrangement.ON_SITE;
        }
        boolean prepaid = switch (model) {
            case PLATFORM_COLLECTS -> mode.isRemote();
            case DIRECT_CONNECT -> onlinePayment == OnlinePayment.REQUIRED
                    || (onlinePayment == OnlinePayment.OPTIONAL && clientChoosesToPay);
        };
        if (prepaid) {
            return PaymentArrangement.PREPAID;
        }
        return noShowPercentage.isZero() ? PaymentArrangement.ON_SITE : PaymentArrangement.ON_SITE_WITH_GUARANTEE;
    }

    /** PAY-7: whether an activity at this price may be booked with an online payment required. */
    public static boolean canRequireOnlinePayment(Money price, Money providerMinimum) {
        return price.isZero() || !price.isLessThan(providerMinimum);
    }

    /** Whether online payment would be required for this mode, so that PAY-7 applies to the activity's price. */
    public static boolean requiresOnlinePayment(CommercialModel model, ConsultationMode mode, OnlinePayment onlinePayment) {
        return switch (model) {
            case PLATFORM_COLLECTS -> mode.isRemote();
            case DIRECT_CONNECT -> onlinePayment == OnlinePayment.REQUIRED;
        };
    }
}
