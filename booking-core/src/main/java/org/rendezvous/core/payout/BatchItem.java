package org.rendezvous.core.payout;

import java.util.Objects;
import org.rendezvous.core.money.Money;
import org.rendezvous.core.practitioner.BankDetails;
import org.rendezvous.core.practitioner.PractitionerId;

/**
 * One transfer of a bank-file batch: a payout and the bank details it goes to, as they were when it joined
 * the batch (a practitioner who changes their IBAN later does not change a file already made).
 *
 * @param remittance the text the practitioner's bank shows with the transfer
 */
public record BatchItem(PayoutId payoutId, PractitionerId practitionerId, BankDetails creditor, Money amount,
                        String remittance) {
    public BatchItem {
        Objects.requireNonNull(payoutId, "payoutId");
        Objects.requireNonNull(practitionerId, "practitionerId");
        Objects.requireNonNull(creditor, "creditor");
        Objects.requireNonNull(amount, "amount");
        if (!amount.isPositive()) {
            throw new IllegalArgumentException("amount: must be more than zero");
        }
        Objects.requireNonNull(remittance, "remittance");
        if (remittance.isBlank() || remittance.length() > 140) {
            throw new IllegalArgumentException("remittance: must be 1 to 140 characters");
        }
    }
}
