package org.rendezvous.core.practitioner;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a practitioner's payouts go (PO-4): the account holder's name as the bank knows it, an IBAN
 * that passed its checks, and the BIC if the practitioner gave it (SEPA transfers no longer need it).
 */
public record BankDetails(String holder, Iban iban, Optional<Bic> bic) {

    public static final int HOLDER_MAX_LENGTH = 140;

    public BankDetails {
        if (holder == null) {
            throw new IllegalArgumentException("holder: required");
        }
        holder = holder.strip().replaceAll("\\s+", " ");
        if (holder.isEmpty()) {
            throw new IllegalArgumentException("holder: must not be blank");
        }
        if (holder.codePointCount(0, holder.length()) > HOLDER_MAX_LENGTH) {
            throw new IllegalArgumentException("holder: at most " + HOLDER_MAX_LENGTH + " characters");
        }
        if (holder.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("holder: must not contain control characters");
        }
        if (iban == null) {
            throw new IllegalArgumentException("iban: required");
        }
        Objects.requireNonNull(bic, "bic");
    }

    public static BankDetails of(String holder, String iban) {
        return new BankDetails(holder, Iban.of(iban), Optional.empty());
    }

    public static BankDetails of(String holder, String iban, String bic) {
        return new BankDetails(holder, Iban.of(iban), Optional.of(Bic.of(bic)));
    }

    /** Shows the IBAN masked (see {@link Iban#masked()}). */
    @Override
    public String toString() {
        return "BankDetails[holder=" + holder + ", iban=" + iban.masked() + ", bic=" + bic.map(Bic::value).orElse("-") + "]";
    }
}
