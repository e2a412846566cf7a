package org.rendezvous.core.practitioner;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An International Bank Account Number (ISO 13616), the payout destination of PO-4: normalised
 * (white space removed, upper case), of the length its country prescribes, with check digits that
 * pass the mod-97 check (ISO 7064 MOD 97-10). The check catches every single wrong character and
 * almost every swap of two neighbours; it cannot tell whether the account exists.
 *
 * <p>{@link #toString()} is masked so that an IBAN does not end up whole in logs; {@link #value()}
 * gives it whole, for the payout adapter.
 */
public record Iban(String value) {

    private static final Pattern SHAPE = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Z0-9]+");
    private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

    /**
     * IBAN lengths by country, from the SWIFT IBAN registry: every SEPA country, French overseas
     * territories included (they use FR), and the other countries most often met.
     */
    private static final Map<String, Integer> LENGTHS = Map.ofEntries(
            // SEPA
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22),
            Map.entry("CH", 21), Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22),
            Map.entry("DK", 18), Map.entry("EE", 20), Map.entry("ES", 24), Map.entry("FI", 18),
            Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23), Map.entry("GR", 27),
            Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20),
            Map.entry("LV", 21), Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18),
            Map.entry("NO", 15), Map.entry("PL", 28), Map.entry("PT", 25), Map.entry("RO", 24),
            Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24), Map.entry("SM", 27),
            Map.entry("VA", 22), Map.entry("ME", 22), Map.entry("MD", 24), Map.entry("MK", 19),
            Map.entry("AL", 28),
            // Others often met
            Map.entry("AE", 23), Map.entry("AZ", 28), Map.entry("BA", 20), Map.entry("BH", 22),
            Map.entry("BR", 29), Map.entry("BY", 28), Map.entry("CR", 22), Map.entry("DO", 28),
            Map.entry("EG", 29), Map.entry("FO", 18), Map.entry("GE", 22), Map.entry("GL", 18),
            Map.entry("GT", 28), Map.entry("IL", 23), Map.entry("IQ", 23), Map.entry("JO", 30),
            Map.entry("KW", 30), Map.entry("KZ", 20), Map.entry("LB", 28), Map.entry("LC", 32),
            Map.entry("MR", 27), Map.entry("MU", 30), Map.entry("PK", 24), Map.entry("PS", 29),
            Map.entry("QA", 29), Map.entry("RS", 22), Map.entry("SA", 24), Map.entry("SC", 31),
            Map.entry("ST", 25), Map.entry("SV", 28), Map.entry("TL", 23), Map.entry("TN", 24),
            Map.entry("TR", 26), Map.entry("UA", 29), Map.entry("VG", 24), Map.entry("XK", 20));

    public Iban {
        if (value == null) {
            throw new IllegalArgumentException("iban: required");
        }
        value = normalise(value);
        if (!SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("iban: only letters and digits, starting with a country code and "
                    + "two check digits, are allowed");
        }
        String country = value.substring(0, 2);
        Integer length = LENGTHS.get(country);
        if (length == null) {
            throw new IllegalArgumentException("iban: unknown or unsupported country code " + country);
        }
        if (value.length() != length) {
            throw new IllegalArgumentException("iban: an IBAN of " + country + " has " + length
                    + " characters, this one has " + value.length());
        }
        if (!passesMod97(value)) {
            throw new IllegalArgumentException("iban: the check digits do not match (mod-97 checksum); "
                    + "check for a mistyped or swapped character");
        }
    }

    public static Iban of(String raw) {
        return new Iban(raw);
    }

    private static String normalise(String raw) {
        StringBuilder compact = new StringBuilder(raw.length());
        raw.codePoints()
                .filter(c -> !Character.isWhitespace(c) && !Character.isSpaceChar(c))
                .forEach(compact::appendCodePoint);
        return compact.toString().toUpperCase(Locale.ROOT);
    }

    /** ISO 13616: move the first four characters to the end, turn letters into 10…35, the number mod 97 is 1. */
    private static boolean passesMod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        StringBuilder digits = new StringBuilder(rearranged.length() * 2);
        for (int i = 0; i < rearranged.length(); i++) {
            digits.append(Character.digit(rearranged.charAt(i), 36));
        }
        return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue() == 1;
    }

    /** True if the country's IBAN length is known here, so an IBAN of it can be checked. */
    public static boolean supportsCountry(String countryCode) {
        return countryCode != null && LENGTHS.containsKey(countryCode.toUpperCase(Locale.ROOT));
    }

    /** The ISO 3166 country code the IBAN starts with. */
    public String countryCode() {
        return value.substring(0, 2);
    }

    /** The IBAN in groups of four, as printed on bank statements: {@code FR76 3000 6000 …}. */
    public String formatted() {
        StringBuilder grouped = new StringBuilder(value.length() + value.length() / 4);
        for (int i = 0; i < value.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                grouped.append(' ');
            }
            grouped.append(value.charAt(i));
        }
        return grouped.toString();
    }

    /** The country code and the last four characters, the rest hidden: {@code FR**…**0189}, for screens and logs. */
    public String masked() {
        return countryCode() + "*".repeat(value.length() - 6) + value.substring(value.length() - 4);
    }

    @Override
    public String toString() {
        return masked();
    }
}
