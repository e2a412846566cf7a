package org.rendezvous.core.practitioner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BankDetailsTest {

    private static final String IBAN = "FR76 3000 6000 0112 3456 7890 189";

    @ParameterizedTest
    @ValueSource(strings = {"BNPAFRPP", "BNPAFRPPXXX", "DEUTDEFF500", "NWBKGB2L", "UBSWCH80A1B", "deutdeff", "BNPA FR PP"})
    @DisplayName("PO-4 BICs of 8 or 11 characters pass, normalised to upper case without spaces")
    void validBics(String raw) {
        Bic bic = Bic.of(raw);
        assertThat(bic.value()).isEqualTo(raw.replace(" ", "").toUpperCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "BNPAFRP", "BNPAFRPPX", "BNPAFRPPXX", "BNPAFRPPXXXX", "BNPA1RPP", "1NPAFRPP", "BNPAFRP_"})
    @DisplayName("PO-4 a BIC of another shape is refused, naming the bic")
    void invalidBics(String raw) {
        assertThatThrownBy(() -> Bic.of(raw)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("bic:");
    }

    @Test
    @DisplayName("PO-4 bank details: a holder of 1 to 140 characters, a checked IBAN, an optional BIC")
    void bankDetails() {
        BankDetails details = BankDetails.of("  Anna   Martin ", IBAN, "bnpafrpp");

        assertThat(details.holder()).isEqualTo("Anna Martin");
        assertThat(details.iban()).isEqualTo(Iban.of(IBAN));
        assertThat(details.bic()).contains(Bic.of("BNPAFRPP"));
        assertThat(details.bic().orElseThrow().countryCode()).isEqualTo("FR");
        assertThat(BankDetails.of("A", IBAN).bic()).isEmpty();
        assertThat(BankDetails.of("x".repeat(140), IBAN).holder()).hasSize(140);
    }

    @Test
    @DisplayName("PO-4 a blank, missing, too long or control-character holder is refused, naming the holder")
    void badHolder() {
        assertThatThrownBy(() -> BankDetails.of("   ", IBAN)).hasMessageStartingWith("holder:");
        assertThatThrownBy(() -> BankDetails.of(null, IBAN)).hasMessageStartingWith("holder:");
        assertThatThrownBy(() -> BankDetails.of("x".repeat(141), IBAN)).hasMessageStartingWith("holder:");
        assertThatThrownBy(() -> BankDetails.of("Anna\u0000Martin", IBAN)).hasMessageStartingWith("holder:");
        assertThatThrownBy(() -> new BankDetails("Anna", null, Optional.empty())).hasMessageStartingWith("iban:");
        assertThatThrownBy(() -> BankDetails.of("Anna", "FR76 3000 6000 0112 3456 7890 180")).hasMessageStartingWith("iban:");
    }

    @Test
    @DisplayName("bank details never show the whole IBAN in toString")
    void toStringMasksTheIban() {
        BankDetails details = BankDetails.of("Anna Martin", IBAN);

        assertThat(details.toString()).contains("Anna Martin", "FR*").doesNotContain("30006000011234567890");
    }
}
