package org.rendezvous.app.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import java.util.Optional;
import org.rendezvous.payments.sepa.SepaDebtor;

/**
 * Payouts by bank file (docs/payments.md, "Payouts by bank file (SEPA)"): the operator's own account, which the SEPA
 * credit-transfer files pay from. All blank (the default): no bank file, bank details are paid by the payment
 * provider (the sandbox sends everything). Name and IBAN set: payouts to bank details go into the cycle's batch,
 * which the operator downloads and marks sent; provider accounts are still paid by the provider.
 *
 * @param debtorName the account holder's name as the bank knows it (RENDEZVOUS_BANK_FILE_DEBTOR_NAME)
 * @param debtorIban the account's IBAN, mod-97 checked (RENDEZVOUS_BANK_FILE_DEBTOR_IBAN)
 * @param debtorBic  the bank's BIC, optional in SEPA (RENDEZVOUS_BANK_FILE_DEBTOR_BIC)
 */
@ConfigurationProperties("rendezvous.bank-file")
public record BankFileSettings(@Nullable String debtorName, @Nullable String debtorIban, @Nullable String debtorBic) {

    public BankFileSettings {
        debtor(debtorName, debtorIban, debtorBic); // a wrong setting stops the start, naming it
    }

    /** The debtor when the bank file is configured. */
    public Optional<SepaDebtor> debtor() {
        return debtor(debtorName, debtorIban, debtorBic);
    }

    private static Optional<SepaDebtor> debtor(@Nullable String name, @Nullable String iban, @Nullable String bic) {
        boolean hasName = name != null && !name.isBlank();
        boolean hasIban = iban != null && !iban.isBlank();
        boolean hasBic = bic != null && !bic.isBlank();
        if (!hasName && !hasIban && !hasBic) {
            return Optional.empty();
        }
        if (!hasName) {
            throw new IllegalArgumentException("rendezvous.bank-file.debtor-name: required when a bank file is configured");
        }
        if (!hasIban) {
            throw new IllegalArgumentException("rendezvous.bank-file.debtor-iban: required when a bank file is configured");
        }
        try {
            return Optional.of(SepaDebtor.of(name, iban, bic));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("rendezvous.bank-file.debtor-" + e.getMessage(), e);
        }
    }
}
