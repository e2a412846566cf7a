package org.rendezvous.payments.sepa;

import java.util.Objects;
import java.util.Optional;
import org.rendezvous.core.practitioner.Bic;
import org.rendezvous.core.practitioner.Iban;

/**
 * The operator's own account, which a bank file pays from (host settings {@code rendezvous.bank-file.*}): the name
 * the bank knows (at most 70 characters once in the SEPA character set), the IBAN (mod-97 checked by {@link Iban}),
 * and the BIC, which SEPA no longer requires.
 */
public record SepaDebtor(String name, Iban iban, Optional<Bic> bic) {

    public SepaDebtor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        name = SepaText.reduce(name, 70, "");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name: needs letters or digits of the SEPA character set");
        }
        if (iban == null) {
            throw new IllegalArgumentException("iban: required");
        }
        Objects.requireNonNull(bic, "bic");
    }

    /** From settings: a blank BIC means none. */
    public static SepaDebtor of(String name, String iban, String bic) {
        return new SepaDebtor(name, Iban.of(iban == null ? "" : iban),
                bic == null || bic.isBlank() ? Optional.empty() : Optional.of(Bic.of(bic)));
    }
}
