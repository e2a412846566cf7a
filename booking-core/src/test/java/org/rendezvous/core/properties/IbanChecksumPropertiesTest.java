package org.rendezvous.core.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.rendezvous.core.practitioner.Iban;
import org.rendezvous.core.practitioner.IbanTypos;

/**
 * PO-4: the IBAN check catches the mistakes people make typing one — any one character wrong, any
 * two different neighbours swapped — on IBANs of any supported length and content, not only on the
 * few examples of the registry.
 */
class IbanChecksumPropertiesTest {

    /** Country and IBAN length; the BBAN is the rest. */
    private record Country(String code, int length) {
    }

    private static final List<Country> COUNTRIES = List.of(new Country("FR", 27), new Country("DE", 22),
            new Country("BE", 16), new Country("GB", 22), new Country("ES", 24), new Country("IT", 27),
            new Country("NL", 18), new Country("CH", 21), new Country("NO", 15), new Country("MT", 31),
            new Country("LC", 32));

    private static final String ALPHANUMERIC = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** Valid IBANs: a country, a BBAN of its length (digits only, or letters and digits), its check digits. */
    private static Gen<String> validIbans() {
        return in -> {
            Country country = Draw.oneOf(in, COUNTRIES);
            boolean digitsOnly = Draw.chance(in, 50);
            StringBuilder bban = new StringBuilder();
            for (int i = 0; i < country.length() - 4; i++) {
                bban.append(ALPHANUMERIC.charAt(Draw.between(in, 0, digitsOnly ? 9 : ALPHANUMERIC.length() - 1)));
            }
            return country.code() + IbanTypos.checkDigits(country.code(), bban.toString()) + bban;
        };
    }

    @Test
    @DisplayName("PO-4 an IBAN with its computed check digits passes")
    void validIbansPass() {
        qt().withExamples(2_000).forAll(validIbans())
                .checkAssert(iban -> assertThat(Iban.of(iban).value()).isEqualTo(iban));
    }

    @Test
    @DisplayName("PO-4 every single-digit (or single-letter) change of a valid IBAN is refused")
    void everySubstitutionIsRefused() {
        qt().withExamples(300).forAll(validIbans()).checkAssert(iban -> {
            for (String typo : IbanTypos.substitutions(iban)) {
                assertThatThrownBy(() -> Iban.of(typo)).as("%s, a typo of %s", typo, iban)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:");
            }
        });
    }

    @Test
    @DisplayName("PO-4 every swap of two different neighbours of a valid IBAN is refused (but the mod-97 blind pairs B1, M2, X3)")
    void everyAdjacentTranspositionIsRefused() {
        qt().withExamples(1_000).forAll(validIbans()).checkAssert(iban -> {
            for (String swap : IbanTypos.detectableTranspositions(iban)) {
                assertThatThrownBy(() -> Iban.of(swap)).as("%s, a swap in %s", swap, iban)
                        .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("iban:");
            }
        });
    }

    @Test
    @DisplayName("PO-4 for an IBAN of digits only, every swap of two different neighbours is refused, without exception")
    void digitsOnlyHaveNoBlindSpot() {
        Gen<String> numeric = in -> {
            StringBuilder bban = new StringBuilder();
            for (int i = 0; i < 18; i++) {
                bban.append(Draw.between(in, 0, 9));
            }
            return "DE" + IbanTypos.checkDigits("DE", bban.toString()) + bban;
        };
        qt().withExamples(1_000).forAll(numeric).checkAssert(iban -> {
            for (int i = 0; i + 1 < iban.length(); i++) {
                if (iban.charAt(i) == iban.charAt(i + 1)) {
                    continue;
                }
                String swap = iban.substring(0, i) + iban.charAt(i + 1) + iban.charAt(i) + iban.substring(i + 2);
                assertThatThrownBy(() -> Iban.of(swap)).as("%s, a swap in %s", swap, iban)
                        .isInstanceOf(IllegalArgumentException.class);
            }
        });
    }
}
