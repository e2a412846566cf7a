package org.rendezvous.core.practitioner;

import java.util.Objects;

/**
 * A French establishment number (SIRET, INV-1): 14 digits, the first nine the company's SIREN. Its
 * checksum is Luhn's, except for La Poste (SIREN {@value #LA_POSTE_SIREN}), whose thousands of
 * establishments outgrew it: theirs is valid when the sum of the 14 digits is a multiple of 5.
 * Spaces typed between groups are dropped.
 */
public record Siret(String value) {

    public static final String LA_POSTE_SIREN = "356000000";

    public Siret {
        Objects.requireNonNull(value, "siret");
        value = value.replace(" ", "").replace("\u00a0", "");
        if (!value.matches("[0-9]{14}")) {
            throw new IllegalArgumentException("siret: must be 14 digits");
        }
        boolean valid = value.startsWith(LA_POSTE_SIREN) ? digitSum(value) % 5 == 0 : luhn(value);
        if (!valid) {
            throw new IllegalArgumentException("siret: the checksum does not match (a digit was mistyped?)");
        }
    }

    public static Siret of(String value) {
        return new Siret(value);
    }

    /** The company's number: the first nine digits. */
    public String siren() {
        return value.substring(0, 9);
    }

    /** Luhn's checksum: from the right, every second digit doubled (minus 9 past 9), the sum a multiple of 10. */
    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    private static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    @Override
    public String toString() {
        return value;
    }
}
