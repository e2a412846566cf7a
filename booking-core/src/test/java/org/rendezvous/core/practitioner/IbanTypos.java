package org.rendezvous.core.practitioner;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The typing mistakes the IBAN check must catch, derived from a valid IBAN, and an independent
 * computation of check digits to build valid IBANs in tests. Public for the property tests.
 */
public final class IbanTypos {

    private IbanTypos() {
    }

    /** The two check digits of an IBAN of {@code country} with that BBAN (ISO 13616: 98 − n mod 97). */
    public static String checkDigits(String country, String bban) {
        String rearranged = bban + country + "00";
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.digit(c, 36));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }

    /** Every IBAN with one digit replaced by another digit, or one letter by another letter. */
    public static List<String> substitutions(String iban) {
        List<String> typos = new ArrayList<>();
        for (int i = 0; i < iban.length(); i++) {
            char original = iban.charAt(i);
            String alphabet = Character.isDigit(original) ? "0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
            for (char replacement : alphabet.toCharArray()) {
                if (replacement != original) {
                    typos.add(iban.substring(0, i) + replacement + iban.substring(i + 1));
                }
            }
        }
        return typos;
    }

    /**
     * Every IBAN with two different neighbouring characters swapped, except the swaps mod-97 cannot
     * see: a letter and a digit that read as the same digits either way (B1, M2, X3).
     */
    public static List<String> detectableTranspositions(String iban) {
        List<String> swaps = new ArrayList<>();
        for (int i = 0; i + 1 < iban.length(); i++) {
            char a = iban.charAt(i);
            char b = iban.charAt(i + 1);
            if (a == b || readsTheSameSwapped(a, b)) {
                continue;
            }
            swaps.add(iban.substring(0, i) + b + a + iban.substring(i + 2));
        }
        return swaps;
    }

    private static boolean readsTheSameSwapped(char a, char b) {
        return (Character.digit(a, 36) + "" + Character.digit(b, 36)).equals(
                Character.digit(b, 36) + "" + Character.digit(a, 36));
    }
}
