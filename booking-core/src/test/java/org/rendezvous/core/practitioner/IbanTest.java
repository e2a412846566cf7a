package org.rendezvous.core.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IbanTest {

    /** The example IBANs of the SWIFT IBAN registry and national banks' published examples. */
    static final List<String> REAL_WORLD = List.of(
            "FR14 2004 1010 0505 0001 3M02 606",
            "FR76 3000 6000 0112 3456 7890 189",
            "DE89 3704 0044 0532 0130 00",
            "BE68 5390 0754 7034",
            "GB29 NWBK 6016 1331 9268 19",
            "GB82 WEST 1234 5698 7654 32",
            "ES91 2100 0418 4502 0005 1332",
            "IT60 X054 2811 1010 0000 0123 456",
            "NL91 ABNA 0417 1643 00",
            "CH93 0076 2011 6238 5295 7",
            "AT61 1904 3002 3457 3201",
            "LU28 0019 4006 4475 0000",
            "PT50 0002 0123 1234 5678 9015 4",
            "MC58 1122 2000 0101 2345 6789 030",
            "NO93 8601 1117 947",
            "MT84 MALT 0110 0001 2345 MTLC AST0 01S");

    @Test
    @DisplayName("PO-4 real-world IBANs of FR, DE, BE, GB, ES, IT, NL, CH and others pass, normalised without spaces")
    void realWorldIbansPass() {
        for (String written : REAL_WORLD) {
            Iban iban = Iban.of(written);
            assertThat(iban.value()).isEqualTo(written.replace(" ", ""));
            assertThat(iban.formatted()).isEqualTo(written);
        }
    }

    @Test
    @DisplayName("PO-4 an IBAN is normalised: lower case, spaces, tabs and non-breaking spaces are accepted")
    void normalised() {
        assertThat(Iban.of("  fr76 3000\t6000 0112\u00a03456 7890 189 ").value()).isEqualTo("FR7630006000011234567890189");
        assertThat(new Iban("de89370400440532013000")).isEqualTo(Iban.of("DE89 3704 0044 0532 0130 00"));
        assertThat(Iban.of("DE89 3704 0044 0532 0130 00").countryCode()).isEqualTo("DE");
    }

    @Test
    @DisplayName("PO-4 a wrong length for the country is refused, naming the iban and the expected length")
    void wrongLength() {
        assertThatThrownBy(() -> Iban.of("FR76 3000 6000 0112 3456 7890 18"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("iban:").hasMessageContaining("27 characters");
        assertThatThrownBy(() -> Iban.of("DE89 3704 0044 0532 0130 000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("iban:").hasMessageContaining("22 characters");
        assertThatThrownBy(() -> Iban.of("BE68 5390 0754 7034 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("16 characters");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "FR", "FR7", "FR76", "7630006000011234567890189FR", "F176300060000112345678901",
            "FRXX30006000011234567890189", "FR76-3000-6000-0112-3456-7890-189", "FR76300060000112345678901_9",
            "FR7630006000011234567890189é", "DE89.3704.0044.0532.0130.00"})
    @DisplayName("PO-4 characters other than letters and digits, or no country code and check digits, are refused")
    void badCharacters(String raw) {
        assertThatThrownBy(() -> Iban.of(raw))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:");
    }

    @Test
    @DisplayName("PO-4 an unknown country is refused; a missing IBAN too")
    void unknownCountryOrMissing() {
        assertThatThrownBy(() -> Iban.of("ZZ12 3456 7890 1234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:").hasMessageContaining("ZZ");
        assertThatThrownBy(() -> new Iban(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:");
        assertThat(Iban.supportsCountry("fr")).isTrue();
        assertThat(Iban.supportsCountry("US")).isFalse();
    }

    @Test
    @DisplayName("PO-4 a wrong check digit or a typo is refused by the mod-97 check, naming the checksum")
    void wrongChecksum() {
        assertThatThrownBy(() -> Iban.of("FR77 3000 6000 0112 3456 7890 189"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:").hasMessageContaining("mod-97");
        assertThatThrownBy(() -> Iban.of("DE89 3704 0044 0532 0130 01"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mod-97");
        assertThatThrownBy(() -> Iban.of("GB29 NWBK 6016 1331 9268 91"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mod-97");
    }

    @Test
    @DisplayName("PO-4 every single-digit change, letter change and swap of two different neighbours of the real-world IBANs is refused")
    void everyTypoOfRealWorldIbansIsRefused() {
        for (String written : REAL_WORLD) {
            String iban = written.replace(" ", "");
            for (String typo : IbanTypos.substitutions(iban)) {
                assertThatThrownBy(() -> Iban.of(typo)).as("substitution %s of %s", typo, iban)
                        .isInstanceOf(IllegalArgumentException.class);
            }
            for (String swap : IbanTypos.detectableTranspositions(iban)) {
                assertThatThrownBy(() -> Iban.of(swap)).as("transposition %s of %s", swap, iban)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
    }

    @Test
    @DisplayName("PO-4 known limit of ISO 7064 mod-97: swapping B1, M2 or X3 reads as the same digits and passes")
    void theOneBlindSpotOfMod97() {
        // B = 11, M = 22, X = 33 once letters become numbers, so "B1" and "1B" both read "111".
        String bban = "WEST12345698B17654";
        String valid = "GB" + IbanTypos.checkDigits("GB", bban) + bban;
        String swapped = valid.substring(0, 4) + bban.replace("B1", "1B");

        assertThatCode(() -> Iban.of(valid)).doesNotThrowAnyException();
        assertThatCode(() -> Iban.of(swapped)).doesNotThrowAnyException();
        assertThat(IbanTypos.detectableTranspositions(valid)).doesNotContain(swapped);
    }

    @Test
    @DisplayName("an IBAN shows masked in toString and masked(), whole only in value()")
    void masked() {
        Iban iban = Iban.of("FR76 3000 6000 0112 3456 7890 189");

        assertThat(iban.masked()).isEqualTo("FR*********************0189");
        assertThat(iban.toString()).isEqualTo(iban.masked()).doesNotContain("30006000");
        assertThat(iban.value()).isEqualTo("FR7630006000011234567890189");
        assertThat(Iban.of("NO93 8601 1117 947").masked()).isEqualTo("NO*********7947");
    }

    @Test
    @DisplayName("the check-digit helper of the tests agrees with every real-world IBAN")
    void helperAgrees() {
        for (String written : REAL_WORLD) {
            String iban = written.replace(" ", "");
            assertThat(IbanTypos.checkDigits(iban.substring(0, 2), iban.substring(4))).isEqualTo(iban.substring(2, 4));
        }
        assertThat(new BigInteger("3214282912345698765432161182").mod(BigInteger.valueOf(97)).intValue()).isEqualTo(1);
    }
}
